using Slipway.Targets;

namespace Slipway.Execution;

/// <summary>What <c>--force</c> asked for: these targets run even when their inputs say they are up to date; no names
/// forces every target.</summary>
internal sealed record ForceRequest(bool All, IReadOnlyList<string> Names)
{
    public static ForceRequest None { get; } = new(false, []);

    /// <summary>The forced targets; an unknown name fails with the closest known one.</summary>
    public Func<ExecutableTarget, bool> Resolve(TargetSet targets)
    {
        if (All)
            return _ => true;
        var named = Names.Select(targets.Find).ToHashSet();
        return named.Contains;
    }
}
