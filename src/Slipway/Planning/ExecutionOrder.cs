using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>Orders the planned targets so that every dependency, ordering edge and trigger is respected; rejects cycles.</summary>
internal static class ExecutionOrder
{
    public static IReadOnlyList<ExecutableTarget> Of(
        IReadOnlyList<ExecutableTarget> invoked, IReadOnlySet<ExecutableTarget> planned, IReadOnlyList<ExecutableTarget> declarationOrder)
    {
        var order = new List<ExecutableTarget>();
        var done = new HashSet<ExecutableTarget>();
        var path = new List<ExecutableTarget>();
        foreach (var root in invoked.Concat(declarationOrder.Where(planned.Contains)))
            Visit(root, planned, order, done, path);
        return order;
    }

    /// <summary>What must run before <paramref name="target"/> when both are planned.</summary>
    private static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target, IReadOnlySet<ExecutableTarget> planned) =>
        target.Dependencies
            .Concat(target.OrderedAfter.Where(planned.Contains))
            .Concat(planned.Where(other => other.Triggers.Contains(target)));

    private static void Visit(
        ExecutableTarget target, IReadOnlySet<ExecutableTarget> planned, List<ExecutableTarget> order,
        HashSet<ExecutableTarget> done, List<ExecutableTarget> path)
    {
        if (done.Contains(target))
            return;
        var onPath = path.IndexOf(target);
        if (onPath >= 0)
        {
            var cycle = path.Skip(onPath).Append(target).Select(t => t.Name);
            throw new SlipwayException($"the targets form a cycle: {string.Join(" -> ", cycle)}");
        }
        path.Add(target);
        foreach (var predecessor in Predecessors(target, planned))
            Visit(predecessor, planned, order, done, path);
        path.RemoveAt(path.Count - 1);
        done.Add(target);
        order.Add(target);
    }
}
