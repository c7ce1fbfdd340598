namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// One <c>FROM</c> and what follows it up to the next one: its position, its name (<c>AS name</c>, lower case, as BuildKit
/// compares them), the base as written (variables not yet expanded), the <c>--platform</c> flag and the instructions.
/// </summary>
public sealed record DockerfileStage(
    int Index,
    string? Name,
    string Base,
    string? Platform,
    int Line,
    int LastLine,
    IReadOnlyList<DockerfileInstruction> Instructions)
{
    /// <summary>How messages name the stage: its name, else its position (<c>stage 0</c>).</summary>
    public string Label => Name ?? $"stage {Index}";

    /// <summary>Whether <paramref name="reference"/> (a FROM base, a <c>--from</c> value) names this stage: by name or index.</summary>
    public bool IsNamedBy(string reference) =>
        (Name is not null && string.Equals(reference, Name, StringComparison.OrdinalIgnoreCase)) || reference == Index.ToString();

    public override string ToString() => $"{Label} (line {Line}, FROM {Base})";
}
