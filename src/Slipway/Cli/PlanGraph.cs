using Slipway.Planning;
using Slipway.Targets;

namespace Slipway.Cli;

/// <summary>The plan laid out for drawing: each target in a column after everything it waits for, and the edges
/// between planned targets (dependency, ordering, trigger).</summary>
internal sealed class PlanGraph
{
    public sealed record Node(PlannedTarget Step, int Number, int Column, int Row);

    public sealed record Edge(Node From, Node To, string Kind);

    private PlanGraph(IReadOnlyList<Node> nodes, IReadOnlyList<Edge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<Node> Nodes { get; }

    public IReadOnlyList<Edge> Edges { get; }

    public int Columns => Nodes.Select(node => node.Column + 1).DefaultIfEmpty(0).Max();

    public int Rows => Nodes.Select(node => node.Row + 1).DefaultIfEmpty(0).Max();

    public static PlanGraph Of(Plan plan)
    {
        var planned = plan.Steps.Select(step => step.Target).ToHashSet();
        var edges = new List<(ExecutableTarget From, ExecutableTarget To, string Kind)>();
        foreach (var target in plan.Steps.Select(step => step.Target))
        {
            edges.AddRange(target.Dependencies.Where(planned.Contains).Select(dependency => (dependency, target, "dependency")));
            edges.AddRange(target.OrderedAfter.Where(planned.Contains).Select(earlier => (earlier, target, "ordering")));
            edges.AddRange(target.Triggers.Where(planned.Contains).Select(triggered => (target, triggered, "trigger")));
        }

        var columns = new Dictionary<ExecutableTarget, int>();
        foreach (var target in plan.Steps.Select(step => step.Target))
        {
            columns[target] = edges.Where(edge => edge.To == target && columns.ContainsKey(edge.From))
                .Select(edge => columns[edge.From] + 1)
                .DefaultIfEmpty(0)
                .Max();
        }
        var rows = new Dictionary<int, int>();
        var nodes = new Dictionary<ExecutableTarget, Node>();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            var column = columns[step.Target];
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            nodes[step.Target] = new Node(step, i + 1, column, row);
        }
        return new PlanGraph(
            plan.Steps.Select(step => nodes[step.Target]).ToArray(),
            edges.Distinct().Select(edge => new Edge(nodes[edge.From], nodes[edge.To], edge.Kind)).ToArray());
    }
}
