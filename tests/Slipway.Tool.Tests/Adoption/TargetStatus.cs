using System.Text.RegularExpressions;

namespace Slipway.Tool.Tests.Adoption;

/// <summary>Reads a target's status from the summary table a build prints (<c>BuildAppImage  Up to date  ...</c>).</summary>
internal static partial class TargetStatus
{
    public static string Of(string output, string target)
    {
        foreach (var line in Ansi().Replace(output, "").Split('\n'))
            if (Row().Match(line) is { Success: true } row && row.Groups["target"].Value == target)
                return row.Groups["status"].Value;
        return "(not in the summary)";
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^(?<target>[A-Za-z]+)\s+(?<status>Succeeded|Up to date|Skipped|Failed|Not run|Cancelled)\b")]
    private static partial Regex Row();
}
