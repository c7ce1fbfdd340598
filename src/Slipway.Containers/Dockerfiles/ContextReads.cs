namespace Slipway.Containers.Dockerfiles;

/// <summary>What building <see cref="Target"/> reads from the context: the stages that take part (the target, the stages it
/// is built from and those it copies or mounts <c>--from</c>, in the order they were reached) and every context read.</summary>
public sealed record ContextReads(string File, DockerfileStage Target, IReadOnlyList<DockerfileStage> Stages, IReadOnlyList<ContextRead> Reads)
{
    /// <summary>The first read of the whole context (<c>COPY . /src</c>), for the warning that every change rebuilds it.</summary>
    public ContextRead? WholeContext => Reads.FirstOrDefault(read => read.IsWholeContext);

    /// <summary>The distinct sources, in the order first read.</summary>
    public IReadOnlyList<string> Sources => Reads.Select(read => read.Source).Distinct().ToArray();
}
