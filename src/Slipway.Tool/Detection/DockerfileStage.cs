namespace Slipway.Tool.Detection;

/// <summary>One <c>FROM</c> of a Dockerfile: its base as written (<c>python:3.12-slim</c>, <c>${BUILDER_IMAGE}</c>), the
/// name after <c>AS</c> when there is one, and the stages or images its <c>COPY --from</c> lines read.</summary>
/// <param name="Index">Its position in the file (0 for the first FROM).</param>
/// <param name="Base">The base as written.</param>
/// <param name="BaseArgument">The ARG the base is taken from (<c>${BUILDER_IMAGE}</c> gives <c>BUILDER_IMAGE</c>), or null.</param>
/// <param name="HasOwnSteps">It has instructions other than ARG: it is built here, not taken as it is from elsewhere.</param>
internal sealed record DockerfileStage(
    int Index, string? Name, string Base, string? BaseArgument, IReadOnlyList<string> CopiesFrom, bool HasOwnSteps)
{
    /// <summary>Whether <paramref name="reference"/> (a base, a <c>--from</c> value) names this stage: by name or position.</summary>
    public bool IsNamedBy(string reference) =>
        (Name is not null && string.Equals(reference, Name, StringComparison.OrdinalIgnoreCase)) || reference == Index.ToString();
}
