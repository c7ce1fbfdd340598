namespace Slipway.Output.Progress;

/// <summary>What is running at <paramref name="Now"/>: the target, its image builds and its pushes, in the order
/// they started.</summary>
internal sealed record BoardSnapshot(DateTimeOffset Now, TargetRow? Target, IReadOnlyList<BuildRow> Builds, IReadOnlyList<PushRow> Pushes)
{
    public bool IsEmpty => Target is null && Builds.Count == 0 && Pushes.Count == 0;
}
