using System.Text;

namespace Slipway.Ci;

/// <summary>A GitHub-flavoured Markdown table: a header row, the separator, then one row per item. A <c>|</c> in a cell
/// is escaped and a line break becomes <c>&lt;br&gt;</c>, so any text keeps the table's shape.</summary>
public static class MarkdownTable
{
    public static string Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (header.Count == 0)
            throw new ArgumentException("a table needs at least one column", nameof(header));
        var text = new StringBuilder();
        Row(text, header);
        Row(text, header.Select(_ => "---").ToArray());
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new ArgumentException($"a row has {row.Count} cells, the header {header.Count}", nameof(rows));
            Row(text, row);
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, IReadOnlyList<string?> cells)
    {
        text.Append('|');
        foreach (var cell in cells)
            text.Append(' ').Append(Escape(cell ?? "")).Append(" |");
        text.Append('\n');
    }

    private static string Escape(string cell) =>
        cell.Replace("\\", "\\\\").Replace("|", "\\|").ReplaceLineEndings("<br>");
}
