using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>Turns invoked targets into an ordered plan: dependencies and triggers pull targets in, ordering edges only order.</summary>
internal static class Planner
{
    public static Plan Create(TargetSet targets, IReadOnlyList<ExecutableTarget> invoked, SkipRequest skip, IReadOnlySet<Type>? givenValues = null)
    {
        var reasons = CollectWithReasons(invoked);
        var ordered = ExecutionOrder.Of(invoked, reasons.Keys.ToHashSet(), targets.All);
        var skipReasons = SkipReasons.For(ordered, invoked, skip, targets, givenValues ?? new HashSet<Type>());
        return new Plan(ordered.Select(target =>
            new PlannedTarget(target, reasons[target], skipReasons.GetValueOrDefault(target))).ToArray());
    }

    private static Dictionary<ExecutableTarget, string> CollectWithReasons(IReadOnlyList<ExecutableTarget> invoked)
    {
        var reasons = new Dictionary<ExecutableTarget, string>();
        var queue = new Queue<ExecutableTarget>();
        foreach (var target in invoked)
        {
            if (reasons.TryAdd(target, "invoked"))
                queue.Enqueue(target);
        }
        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            foreach (var dependency in target.Dependencies)
            {
                if (reasons.TryAdd(dependency, $"dependency of {target.Name}"))
                    queue.Enqueue(dependency);
            }
            foreach (var triggered in target.Triggers)
            {
                if (reasons.TryAdd(triggered, $"triggered by {target.Name}"))
                    queue.Enqueue(triggered);
            }
        }
        return reasons;
    }
}
