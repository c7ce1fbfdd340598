namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// A global ARG that a stage's base uses (<c>ARG RUNTIME_IMAGE=...</c> ... <c>FROM ${RUNTIME_IMAGE}</c>): the ARG's name,
/// line and default, the stage and the line of its FROM (or of the <c>COPY --from=${ARG}</c> that uses it), and whether
/// the ARG is the whole reference (<c>FROM ${X}</c>), so Slipway can pass a full image reference under its name.
/// </summary>
public sealed record BaseArgument(string Name, int ArgLine, string? Default, string Stage, int Line, bool IsWholeReference, string File)
{
    public override string ToString() =>
        $"{File} line {Line}: {Stage} is based on ARG {Name} (line {ArgLine}{(Default is null ? "" : $", default {Default}")})";
}
