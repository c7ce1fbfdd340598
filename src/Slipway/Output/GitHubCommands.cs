namespace Slipway.Output;

/// <summary>GitHub Actions workflow commands: collapsible groups and warning/error annotations.</summary>
internal static class GitHubCommands
{
    public static string Group(string title) => "::group::" + EscapeData(title);

    public const string EndGroup = "::endgroup::";

    /// <summary><c>::warning title=Compile::message</c>; <paramref name="command"/> is <c>warning</c> or <c>error</c>.</summary>
    public static string Annotation(string command, string? title, string message) =>
        $"::{command}{(title is null ? "" : " title=" + EscapeProperty(title))}::{EscapeData(message)}";

    private static string EscapeData(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");
}
