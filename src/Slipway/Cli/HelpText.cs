using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Cli;

/// <summary>The text of <c>--help</c>: listed targets with their direct dependencies and descriptions (the default
/// marked), the parameters with descriptions, allowed values and effective values (secrets masked), the options.</summary>
internal static class HelpText
{
    private const int MaxColumn = 40;

    public static void Write(RunContext context)
    {
        var output = context.Console;
        context.WriteLogo();
        output.WriteLine("Usage: ./build.sh [targets...] [options] [--parameter value...]");
        WriteTargets(output, context);
        WriteParameters(output, context);
        WriteOptions(output);
        output.Flush();
    }

    private static void WriteTargets(TextWriter output, RunContext context)
    {
        var targets = context.Targets.All.Where(target => target.Listed).ToArray();
        var defaultTarget = context.Default;
        var rows = targets.Select(target => (
            Left: target == defaultTarget ? target.Name + " (default)" : target.Name,
            Lines: new[] { target.Description ?? "", target.Preview() ?? "" }
                .Concat(target.Dependencies.Count == 0 ? [] : [$"depends on {string.Join(", ", target.Dependencies.Select(d => d.Name))}"])
                .Where(line => line.Length > 0)
                .ToArray()))
            .ToArray();
        output.WriteLine();
        output.WriteLine("Targets:");
        WriteRows(output, rows);
    }

    private static void WriteParameters(TextWriter output, RunContext context)
    {
        var declarations = context.Parameters.Declarations;
        output.WriteLine();
        output.WriteLine("Parameters (also set as environment variables NAME or SLIPWAY_NAME, or in .nuke/parameters.json):");
        if (declarations.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }
        var rows = declarations.Select(declaration => (
            Left: $"{declaration.Switch} {declaration.Type.Hint}",
            Lines: new[]
            {
                Description(declaration),
                $"current: {Current(context, declaration)}",
            }.Where(line => line.Length > 0).ToArray()))
            .ToArray();
        WriteRows(output, rows);
    }

    private static string Description(ParameterDeclaration declaration)
    {
        var notes = new List<string>();
        if (declaration.IsRequired)
            notes.Add("required");
        if (declaration.IsSecret)
            notes.Add("secret");
        var suffix = notes.Count == 0 ? "" : $" ({string.Join(", ", notes)})";
        return (declaration.Description + suffix).Trim();
    }

    private static string Current(RunContext context, ParameterDeclaration declaration)
    {
        object? value;
        try
        {
            value = declaration.Read(context.Build);
        }
        catch (Exception exception)
        {
            return $"(cannot be read: {Execution.FailureMessage.Of(exception)})";
        }
        var text = ValueText.Of(value, context.Session.Root, declaration.IsSecret);
        var origin = context.Parameters[declaration]?.Origin;
        return origin is not null ? $"{text} (from {origin})" : value is null ? text : $"{text} (default)";
    }

    private static void WriteOptions(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Options:");
        WriteRows(output, BuiltInOptions.All.Select(option => (option.Usage, new[] { option.Description })).ToArray());
    }

    private static void WriteRows(TextWriter output, IReadOnlyList<(string Left, string[] Lines)> rows)
    {
        var width = rows.Select(row => row.Left.Length).Where(length => length <= MaxColumn).DefaultIfEmpty(0).Max() + 2;
        foreach (var (left, lines) in rows)
        {
            var first = lines.FirstOrDefault() ?? "";
            if (left.Length >= width)
            {
                output.WriteLine($"  {left}");
                output.WriteLine($"  {new string(' ', width)}{first}".TrimEnd());
            }
            else
                output.WriteLine($"  {left.PadRight(width)}{first}".TrimEnd());
            foreach (var line in lines.Skip(1))
                output.WriteLine($"  {new string(' ', width)}{line}");
        }
    }
}
