namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// Where a Dockerfile names the image a stage is built on: the stage whose FROM names an image (a FROM of another stage
/// is followed down to it), either through a whole ARG (<c>ARG BASE=python:3.12 ... FROM ${BASE}</c>) or literally
/// (<c>FROM python:3.12-slim</c>, <c>FROM python:${PYTHON_VERSION}-slim</c>), and the reference the file itself gives
/// with the ARG defaults applied: null where an ARG it needs has no default (<see cref="MissingDefaults"/>).
/// </summary>
public sealed record StageBase(string File, DockerfileStage Stage, BaseArgument? Argument, string? Declared, IReadOnlyList<string> MissingDefaults)
{
    /// <summary>No ARG carries the whole reference: Slipway gives the engine this FROM rewritten (in memory) instead.</summary>
    public bool IsLiteral => Argument is null;

    /// <summary>The line that names the reference, for messages: the ARG's for an ARG, the FROM's for a literal.</summary>
    public string Where => $"{File} line {Argument?.ArgLine ?? Stage.Line}";

    public override string ToString() =>
        IsLiteral ? $"{File} line {Stage.Line}: FROM {Stage.Base}" : $"{Where}: ARG {Argument!.Name}{(Declared is null ? "" : "=" + Declared)}";
}
