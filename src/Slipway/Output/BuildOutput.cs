using Serilog;
using Slipway.Execution;
using Slipway.Output.Progress;

namespace Slipway.Output;

/// <summary>The run's console output beyond log lines: a header per target (a collapsible group on GitHub Actions),
/// then the warnings and errors again, the summary table and the outcome line. Target events also go to the JSON log
/// and to the progress board, which workers report into through <see cref="Progress"/>.</summary>
internal sealed class BuildOutput(
    TextWriter console, Ansi ansi, Verbosity verbosity, bool gitHubActions, TargetScope scope, ProblemSink problems, ILogger fileLog,
    ProgressBoard board, ProgressDisplay display)
    : IBuildOutput
{
    private const int HeaderWidth = 72;
    private int _started;

    public IProgressReporter Progress => board;

    public void TargetStarted(string name)
    {
        scope.Current = name;
        fileLog.Information("Target {Target} started", name);
        if (gitHubActions)
            console.WriteLine(GitHubCommands.Group(name));
        else if (verbosity >= Verbosity.Normal)
        {
            if (_started++ > 0)
                console.WriteLine();
            console.WriteLine(ansi.Paint($"── {name} {new string('─', Math.Max(3, HeaderWidth - name.Length - 4))}", Ansi.Bold));
        }
        board.TargetStarted(name);
        console.Flush();
    }

    public void TargetFinished(TargetResult result)
    {
        fileLog.Information("Target {Target} finished: {Status} in {Duration} {Note}",
            result.Name, result.Status, result.Duration, result.Note);
        board.TargetFinished();
        if (gitHubActions)
            console.WriteLine(GitHubCommands.EndGroup);
        scope.Current = null;
        console.Flush();
    }

    public void Summary(BuildResult result, TimeSpan total)
    {
        display.Stop();
        var succeeded = result.ExitCode == 0;
        fileLog.Information("Build {Outcome} in {Duration}", succeeded ? "succeeded" : "failed", total);
        if (verbosity >= Verbosity.Minimal)
        {
            WriteProblems();
            console.WriteLine();
            SummaryTable.Write(console, ansi, result, total);
        }
        console.WriteLine();
        var outcome = succeeded ? "Build succeeded" : "Build failed";
        console.WriteLine(ansi.Paint($"{outcome} in {DurationText.Of(total)}", succeeded ? Ansi.Green : Ansi.Red));
        console.Flush();
    }

    private void WriteProblems()
    {
        var list = problems.Problems;
        if (list.Count == 0)
            return;
        console.WriteLine();
        var errors = list.Count(problem => problem.IsError);
        console.WriteLine($"{Count(list.Count - errors, "warning")} and {Count(errors, "error")}:");
        foreach (var problem in list)
        {
            var text = $"  {(problem.IsError ? "ERR" : "WRN")} {(problem.Target is null ? "" : problem.Target + ": ")}{problem.Message}";
            console.WriteLine(ansi.Paint(text, problem.IsError ? Ansi.Red : Ansi.Yellow));
        }
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
