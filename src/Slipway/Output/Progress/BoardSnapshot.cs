namespace Slipway.Output.Progress;

/// <summary>What is running at <paramref name="Now"/>: the target, its image builds and its pushes, in the order
/// they started, and the pushes still getting their image ready.</summary>
internal sealed record BoardSnapshot(DateTimeOffset Now, TargetRow? Target, IReadOnlyList<BuildRow> Builds, IReadOnlyList<PushRow> Pushes)
{
    public IReadOnlyList<PreparingRow> Preparing { get; init; } = [];

    public bool IsEmpty => Target is null && Builds.Count == 0 && Pushes.Count == 0 && Preparing.Count == 0;
}
