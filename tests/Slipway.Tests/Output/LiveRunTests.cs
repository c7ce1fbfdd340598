using Slipway.Output;
using Slipway.Output.Progress;
using Slipway.Parameters;
using Slipway.Paths;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

/// <summary>The run's output with a live region, as a terminal shows it, and the build log beside it.</summary>
public sealed class LiveRunTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void On_a_terminal_log_lines_stay_whole_above_the_region_and_the_region_is_gone_before_the_summary()
    {
        var clock = new FakeClock();
        var console = new StringWriter();
        var logFile = _root.Temp / "build.log";
        using (var logging = new BuildLogging(console, new SecretValues(), Verbosity.Normal, terminal: true, gitHubActions: false, logFile,
                   clock, () => new TerminalSize(100, 30)))
        {
            logging.Output.TargetStarted("Push");
            var progress = logging.Output.Progress;
            progress.Report(new PushStarted("linux/arm64", 2, 40_000_000));
            for (var second = 1; second <= 12; second++)
            {
                progress.Report(new BlobProgressed("linux/arm64", ProgressScript.Digest('b'), second * 3_000_000, 39_000_000));
                logging.Log.Information("pushing, second {Second}", second);
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            progress.Report(new PushFinished("linux/arm64"));
            logging.Output.TargetFinished(new Slipway.Execution.TargetResult("Push", Slipway.Execution.TargetStatus.Succeeded, TimeSpan.FromSeconds(12), null));
            logging.Output.Summary(new Slipway.Execution.BuildResult(0, []), TimeSpan.FromSeconds(12));
        }

        var screen = TerminalScreen.Of(console.ToString());
        var logLines = screen.Where(line => line.Contains("pushing, second")).ToArray();
        Assert.Equal(12, logLines.Length);
        Assert.All(logLines, line => Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] pushing, second \d+$", line));
        Assert.DoesNotContain(screen, line => line.Contains("━") || line.StartsWith("▸"));
        Assert.Equal("Build succeeded in 12.0s", screen[^1]);
        Assert.Contains("\u001b[", console.ToString()); // the region was drawn and erased on the way
        var log = File.ReadAllText(logFile);
        Assert.Matches(@"""Progress"":""push linux/arm64: \d+\.\d of 40\.0 MB, \d\.\d MB/s""", log); // the 10-second line goes to the build log
    }

    [Fact]
    public void Redirected_the_progress_line_is_a_log_line_every_10_seconds()
    {
        var clock = new FakeClock();
        var console = new StringWriter();
        using (var logging = new BuildLogging(console, new SecretValues(), Verbosity.Normal, terminal: false, gitHubActions: false,
                   _root.Temp / "build.log", clock, () => new TerminalSize(100, 30)))
        {
            logging.Output.TargetStarted("Push");
            logging.Output.Progress.Report(new PushStarted("linux/arm64", 2, 417_000_000));
            for (var second = 1; second <= 21; second++)
            {
                logging.Output.Progress.Report(new BlobProgressed("linux/arm64", ProgressScript.Digest('b'), second * 10_000_000, 416_000_000));
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var lines = console.ToString().ReplaceLineEndings("\n").Split('\n').Where(line => line.Contains("push linux/arm64")).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] push linux/arm64: \d+ of 417 MB, \d+\.\d MB/s$", lines[0]);
        Assert.DoesNotContain("\u001b[", console.ToString());
    }
}
