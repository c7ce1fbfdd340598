using Slipway.Execution;

namespace Slipway.Output;

/// <summary>The table at the end of a run: target, status, duration and note, then the total.</summary>
internal static class SummaryTable
{
    public static void Write(TextWriter output, Ansi ansi, BuildResult result, TimeSpan total)
    {
        var rows = result.Targets.Select(target => new[]
        {
            target.Name,
            StatusText(target.Status),
            target.Duration == TimeSpan.Zero && target.Status is not TargetStatus.Succeeded ? "" : DurationText.Of(target.Duration),
            target.Note ?? "",
        }).ToArray();
        string[] header = ["Target", "Status", "Duration", "Note"];
        var widths = Enumerable.Range(0, 3)
            .Select(column => rows.Select(row => row[column].Length).Append(header[column].Length).Append(column == 0 ? 5 : 0).Max())
            .ToArray();
        var rule = new string('─', Math.Min(100, widths.Sum() + 6 + Math.Max(4, rows.Select(row => row[3].Length).DefaultIfEmpty(0).Max())));

        output.WriteLine(rule);
        output.WriteLine(Line(header, widths));
        output.WriteLine(rule);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var status = ansi.Paint(row[1].PadRight(widths[1]), ColourOf(result.Targets[i].Status));
            output.WriteLine($"{row[0].PadRight(widths[0])}  {status}  {row[2].PadLeft(widths[2])}  {row[3]}".TrimEnd());
        }
        output.WriteLine(rule);
        output.WriteLine($"{"Total".PadRight(widths[0])}  {"".PadRight(widths[1])}  {DurationText.Of(total).PadLeft(widths[2])}".TrimEnd());
        output.WriteLine(rule);
    }

    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.NotRun => "Not run",
        TargetStatus.UpToDate => "Up to date",
        _ => status.ToString(),
    };

    private static string Line(string[] cells, int[] widths) =>
        $"{cells[0].PadRight(widths[0])}  {cells[1].PadRight(widths[1])}  {cells[2].PadLeft(widths[2])}  {cells[3]}";

    private static string ColourOf(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => Ansi.Green,
        TargetStatus.Failed => Ansi.Red,
        TargetStatus.Cancelled => Ansi.Yellow,
        TargetStatus.UpToDate => Ansi.Cyan,
        _ => Ansi.Grey,
    };
}
