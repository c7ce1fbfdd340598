using Slipway.Output.Progress;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

public sealed class LiveConsoleTests
{
    [Fact]
    public void Log_lines_go_above_the_region_and_the_region_stays_at_the_bottom()
    {
        var output = new StringWriter();
        string[] region = ["▸ Push 3.0s", "  push linux/arm64  ━━━━──  1.0 of 4.0 MB"];
        var live = new LiveConsole(output, () => region);

        live.WriteLine("[12:00:00 INF] first");
        live.Write("[12:00:01 INF] sec");
        live.Refresh();
        live.Write("ond\n[12:00:02 INF] third\n");
        region = ["▸ Push 4.0s"];
        live.Refresh();

        Assert.Equal(["[12:00:00 INF] first", "[12:00:01 INF] second", "[12:00:02 INF] third", "▸ Push 4.0s"],
            TerminalScreen.Of(output.ToString()));
        live.Stop();
        live.WriteLine("Build succeeded in 4.0s");
        Assert.Equal(["[12:00:00 INF] first", "[12:00:01 INF] second", "[12:00:02 INF] third", "Build succeeded in 4.0s"],
            TerminalScreen.Of(output.ToString()));
    }

    [Fact]
    public async Task Lines_written_from_many_threads_while_the_region_redraws_are_never_garbled()
    {
        var output = new StringWriter();
        var frame = 0;
        var live = new LiveConsole(output, () => [$"▸ Test frame {Interlocked.Increment(ref frame)}", "  build app linux/amd64"]);
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
                live.WriteLine($"[12:00:00 INF] writer {writer} line {i} " + new string('x', i % 50));
        }));
        var redraws = Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
                live.Refresh();
        });
        await Task.WhenAll([.. writers, redraws]);
        live.Stop();

        var screen = TerminalScreen.Of(output.ToString());
        Assert.Equal(800, screen.Count);
        Assert.All(screen, line => Assert.Matches(@"^\[12:00:00 INF\] writer \d line (\d+) x*$", line));
        for (var writer = 0; writer < 4; writer++)
        {
            var own = screen.Where(line => line.Contains($"writer {writer} ")).ToArray();
            Assert.Equal(Enumerable.Range(0, 200).Select(i => $"[12:00:00 INF] writer {writer} line {i} " + new string('x', i % 50)), own);
        }
    }
}
