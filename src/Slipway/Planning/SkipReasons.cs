using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>Why planned targets will be skipped: <c>--skip</c>, values the caller gave instead, a false static condition,
/// or only being needed by skipped targets.</summary>
internal static class SkipReasons
{
    public static Dictionary<ExecutableTarget, string> For(
        IReadOnlyList<ExecutableTarget> ordered, IReadOnlyList<ExecutableTarget> invoked, SkipRequest skip, TargetSet targets,
        IReadOnlySet<Type> givenValues)
    {
        var reasons = new Dictionary<ExecutableTarget, string>();
        var named = skip.Names.Select(targets.Find).ToHashSet();
        foreach (var target in ordered)
        {
            if (named.Contains(target) || (skip.AllButInvoked && !invoked.Contains(target)))
                reasons[target] = "skipped by --skip";
            else if (target.Definition.ProducedTypes is { Count: > 0 } produced && produced.All(givenValues.Contains))
                reasons[target] = $"given: {string.Join(", ", produced.Select(type => type.Name))}";
            else if (target.Definition.StaticConditions.FirstOrDefault(condition => !condition.Evaluate()) is { } failed)
                reasons[target] = $"condition false: {failed.Text}";
        }
        PropagateToDependencies(ordered, invoked, reasons);
        return reasons;
    }

    /// <summary>A dependency is skipped too when every planned target that pulls it in is skipped and lets it be.</summary>
    private static void PropagateToDependencies(
        IReadOnlyList<ExecutableTarget> ordered, IReadOnlyList<ExecutableTarget> invoked, Dictionary<ExecutableTarget, string> reasons)
    {
        for (var index = ordered.Count - 1; index >= 0; index--)
        {
            var target = ordered[index];
            if (reasons.ContainsKey(target) || invoked.Contains(target))
                continue;
            var pullers = ordered.Where(other => other.Dependencies.Contains(target) || other.Triggers.Contains(target)).ToArray();
            if (pullers.Length > 0 && pullers.All(puller =>
                    reasons.ContainsKey(puller) && puller.Definition.SkippedDependencies == DependencyBehavior.Skip))
                reasons[target] = $"only needed by skipped {string.Join(", ", pullers.Select(p => p.Name))}";
        }
    }
}
