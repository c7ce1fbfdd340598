using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Tests.Support;

/// <summary>What a terminal shows after some output: lines (scrollback included), with the cursor moves the live region
/// uses applied — <c>ESC[nF</c> (up n lines, to column 0), <c>ESC[J</c> (erase to the end) — and colours dropped.</summary>
internal static partial class TerminalScreen
{
    public static IReadOnlyList<string> Of(string output)
    {
        var lines = new List<StringBuilder> { new() };
        var row = 0;
        var index = 0;
        while (index < output.Length)
        {
            var c = output[index];
            if (c == '\u001b')
            {
                var match = Escape().Match(output, index);
                if (!match.Success)
                    throw new InvalidOperationException($"unexpected escape at {index}: {output[index..Math.Min(output.Length, index + 10)]}");
                var count = match.Groups["n"].Value is { Length: > 0 } n ? int.Parse(n) : 1;
                switch (match.Groups["command"].Value)
                {
                    case "F":
                        row = Math.Max(0, row - count);
                        break;
                    case "J":
                        lines.RemoveRange(row + 1, lines.Count - row - 1);
                        lines[row].Clear();
                        break;
                    case "m":
                        break;
                    default:
                        throw new InvalidOperationException("unexpected escape " + match.Value);
                }
                index += match.Length;
                continue;
            }
            if (c == '\n')
            {
                row++;
                if (row == lines.Count)
                    lines.Add(new StringBuilder());
            }
            else if (c != '\r')
                lines[row].Append(c);
            index++;
        }
        var text = lines.Select(line => line.ToString()).ToList();
        if (text[^1].Length == 0)
            text.RemoveAt(text.Count - 1);
        return text;
    }

    [GeneratedRegex(@"\G\u001b\[(?<n>[0-9;]*)(?<command>[A-Za-z])")]
    private static partial Regex Escape();
}
