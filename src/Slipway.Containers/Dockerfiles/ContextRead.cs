namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// One thing a Dockerfile reads from the build context: a path or glob relative to the context (cleaned: no leading
/// <c>/</c> or <c>./</c>; <c>.</c> is the whole context; a folder means everything below it), the instruction that reads
/// it (<c>COPY</c>, <c>ADD</c>, <c>RUN --mount</c>), where (file, stage, line) and the instruction's <c>--exclude</c> patterns.
/// </summary>
public sealed record ContextRead(string Source, string File, string Stage, int Line, string Instruction, IReadOnlyList<string> Excludes)
{
    /// <summary><c>COPY . /src</c>: every file of the context that .dockerignore lets through.</summary>
    public bool IsWholeContext => Source == ".";

    public override string ToString() => $"{File} line {Line}: {Instruction} {Source}";
}
