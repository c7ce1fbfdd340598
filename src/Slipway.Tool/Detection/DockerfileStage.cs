namespace Slipway.Tool.Detection;

/// <summary>One <c>FROM</c> of a Dockerfile: its base as written (<c>python:3.12-slim</c>, <c>${BUILDER_IMAGE}</c>), the
/// name after <c>AS</c> when there is one, and the stages or images its <c>COPY --from</c> lines read.</summary>
/// <param name="Base">The base as written.</param>
/// <param name="BaseArgument">The ARG the base is taken from (<c>${BUILDER_IMAGE}</c> gives <c>BUILDER_IMAGE</c>), or null.</param>
internal sealed record DockerfileStage(string? Name, string Base, string? BaseArgument, IReadOnlyList<string> CopiesFrom);
