namespace Slipway.Containers.Compose.Watch;

/// <summary>A watch cycle's decision: what to do, and the changed inputs (root-relative) that call for it.</summary>
internal sealed record WatchPlan(WatchAction Action, IReadOnlyList<string> Changed)
{
    public static WatchPlan Nothing { get; } = new(WatchAction.Nothing, []);

    /// <summary>The changed inputs for a log line: the first few, and how many more.</summary>
    public string ChangedText => NamedPaths.Of(Changed);
}
