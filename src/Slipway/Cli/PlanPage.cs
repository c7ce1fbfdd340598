using System.Globalization;
using System.Net;
using System.Text;
using Slipway.Paths;
using Slipway.Planning;
using Slipway.Targets;

namespace Slipway.Cli;

/// <summary><c>.nuke/temp/plan.html</c>: one self-contained page (inline SVG and CSS, nothing fetched) that draws the
/// plan as a graph and lists each step with why it runs or is skipped.</summary>
internal static class PlanPage
{
    private const int Width = 210, Height = 58, ColumnGap = 70, RowGap = 22, Margin = 20;

    public static void Write(AbsolutePath file, Plan plan, IReadOnlyList<ExecutableTarget> invoked)
    {
        Directory.CreateDirectory(file.Parent);
        File.WriteAllText(file, Render(plan, invoked));
    }

    public static string Render(Plan plan, IReadOnlyList<ExecutableTarget> invoked)
    {
        var graph = PlanGraph.Of(plan);
        var title = "Plan for " + string.Join(", ", invoked.Select(target => target.Name));
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{Escape(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; }
            .node rect { fill: #dafbe1; stroke: #1a7f37; stroke-width: 1.5; }
            .node.skipped rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 5 3; }
            .node .name { font-weight: 600; font-size: 14px; }
            .node .why { font-size: 11px; fill: #57606a; }
            .edge { fill: none; stroke-width: 1.5; }
            .edge.dependency { stroke: #24292f; }
            .edge.ordering { stroke: #8c959f; stroke-dasharray: 6 4; }
            .edge.trigger { stroke: #bc4c00; stroke-dasharray: 2 3; }
            table { border-collapse: collapse; margin-top: 16px; }
            td, th { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }
            .legend span { margin-right: 18px; }
            </style>
            </head>
            <body>
            <h1>{{Escape(title)}}</h1>

            """);
        var skipped = plan.Steps.Count(step => step.SkipReason is not null);
        html.Append($"<p>{plan.Steps.Count - skipped} to run, {skipped} to skip. Arrows point from what runs first.</p>\n");
        html.Append("<p class=\"legend\"><span>── depends on</span><span>- - ordered after</span><span>··· triggers</span><span>dashed box: would be skipped</span></p>\n");
        AppendSvg(html, graph);
        AppendTable(html, plan);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSvg(StringBuilder html, PlanGraph graph)
    {
        var width = Margin * 2 + graph.Columns * Width + Math.Max(0, graph.Columns - 1) * ColumnGap;
        var height = Margin * 2 + graph.Rows * Height + Math.Max(0, graph.Rows - 1) * RowGap;
        html.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        html.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">" +
                    "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>\n");
        foreach (var edge in graph.Edges)
        {
            var (x1, y1) = (X(edge.From) + Width, Y(edge.From) + Height / 2);
            var (x2, y2) = (X(edge.To), Y(edge.To) + Height / 2);
            var bend = Math.Max(30, (x2 - x1) / 2);
            html.Append(Invariant($"<path class=\"edge {edge.Kind}\" d=\"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}\" marker-end=\"url(#arrow)\"><title>{Escape($"{edge.From.Step.Target.Name} → {edge.To.Step.Target.Name} ({edge.Kind})")}</title></path>\n"));
        }
        foreach (var node in graph.Nodes)
        {
            var step = node.Step;
            var why = step.SkipReason ?? step.Reason;
            var tooltip = step.SkipReason is null ? step.Reason : $"{step.Reason}; would be skipped: {step.SkipReason}";
            html.Append(Invariant($"<g class=\"node{(step.SkipReason is null ? "" : " skipped")}\"><title>{Escape(tooltip)}</title>"));
            html.Append(Invariant($"<rect x=\"{X(node)}\" y=\"{Y(node)}\" width=\"{Width}\" height=\"{Height}\" rx=\"8\"/>"));
            html.Append(Invariant($"<text class=\"name\" x=\"{X(node) + 12}\" y=\"{Y(node) + 24}\">{node.Number}. {Escape(Shorten(step.Target.Name, 24))}</text>"));
            html.Append(Invariant($"<text class=\"why\" x=\"{X(node) + 12}\" y=\"{Y(node) + 44}\">{Escape(Shorten(why, 34))}</text></g>\n"));
        }
        html.Append("</svg>\n");
    }

    private static void AppendTable(StringBuilder html, Plan plan)
    {
        html.Append("<table>\n<tr><th>#</th><th>Target</th><th>Why it is in the plan</th><th>Would be skipped because</th></tr>\n");
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            html.Append($"<tr><td>{i + 1}</td><td>{Escape(step.Target.Name)}</td><td>{Escape(step.Reason)}</td><td>{Escape(step.SkipReason ?? "")}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static int X(PlanGraph.Node node) => Margin + node.Column * (Width + ColumnGap);

    private static int Y(PlanGraph.Node node) => Margin + node.Row * (Height + RowGap);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
