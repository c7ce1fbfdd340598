using System.Text;

namespace Slipway.Ci;

/// <summary>Appends Markdown to the job summary (<c>$GITHUB_STEP_SUMMARY</c>) when the run has one; does nothing
/// otherwise, so targets call it unconditionally (a component writes, e.g., a table of what it built).</summary>
public sealed class StepSummary
{
    private static readonly object Gate = new();
    private readonly string? _path;

    public StepSummary(GitHubActionsEnvironment environment) => _path = environment.StepSummaryPath;

    /// <summary>The summary of the run described by <paramref name="environment"/> (a build's <c>EnvironmentVariables</c>).</summary>
    public static StepSummary For(IReadOnlyDictionary<string, string> environment) => new(GitHubActionsEnvironment.From(environment));

    public bool IsEnabled => _path is not null;

    /// <summary>Appends Markdown as written, followed by a blank line.</summary>
    public StepSummary Append(string markdown)
    {
        if (_path is null)
            return this;
        lock (Gate)
            File.AppendAllText(_path, markdown.ReplaceLineEndings("\n").TrimEnd('\n') + "\n\n", new UTF8Encoding(false));
        return this;
    }

    public StepSummary AppendHeading(string text, int level = 3) =>
        Append(new string('#', Math.Clamp(level, 1, 6)) + " " + text.ReplaceLineEndings(" "));

    /// <summary>Appends a table, e.g. one row per artifact a target made: its name, version, size, built or skipped and why.</summary>
    public StepSummary AppendTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Append(MarkdownTable.Of(header, rows));
}
