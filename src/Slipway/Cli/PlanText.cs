using Slipway.Output;
using Slipway.Planning;
using Slipway.Targets;

namespace Slipway.Cli;

/// <summary>The text of <c>--plan</c>: each planned target in order with why it is in the plan, and why it would be skipped.</summary>
internal static class PlanText
{
    public static void Write(TextWriter output, Ansi ansi, Plan plan, IReadOnlyList<ExecutableTarget> invoked, string pagePath)
    {
        var skipped = plan.Steps.Count(step => step.SkipReason is not null);
        output.WriteLine($"Plan for {string.Join(", ", invoked.Select(target => target.Name))}: " +
            $"{Count(plan.Steps.Count - skipped, "target")} to run, {skipped} to skip");
        var numberWidth = plan.Steps.Count.ToString().Length;
        var nameWidth = plan.Steps.Select(step => step.Target.Name.Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            var number = $"{(i + 1).ToString().PadLeft(numberWidth)}.";
            var name = step.Target.Name.PadRight(nameWidth);
            if (step.SkipReason is null)
            {
                output.WriteLine($"  {number} run   {ansi.Paint(name, Ansi.Bold)}  {step.Reason}");
                if (step.Target.Preview() is { } preview)
                    output.WriteLine($"  {new string(' ', number.Length)}       {"".PadRight(nameWidth)}  {preview}");
            }
            else
                output.WriteLine(ansi.Paint($"  {number} skip  {name}  {step.Reason} ({step.SkipReason})", Ansi.Grey));
        }
        output.WriteLine($"Graph: {pagePath}");
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
