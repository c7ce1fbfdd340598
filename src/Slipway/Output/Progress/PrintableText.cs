using System.Text.RegularExpressions;

namespace Slipway.Output.Progress;

/// <summary>A line a build printed, made safe to draw in one row: colours and other escape sequences removed, tabs
/// as spaces, other control characters dropped, ends trimmed.</summary>
internal static partial class PrintableText
{
    public static string Of(string text)
    {
        var plain = EscapeSequence().Replace(text, "").Replace('\t', ' ');
        return new string(plain.Where(c => !char.IsControl(c)).ToArray()).Trim();
    }

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)")]
    private static partial Regex EscapeSequence();
}
