using System.Text;
using Slipway.Output.Progress;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

public sealed class LiveViewTests
{
    private static readonly int[] Frames = [4, 30, 64, 66, 80, 99, 110, 130, 150];

    [Fact]
    public void Live_view_shows_running_steps_with_elapsed_time_last_line_and_QEMU_marker_and_a_bar_per_platform_and_blob()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        var text = new StringBuilder();
        new ProgressScript(clock, board).Play(second =>
        {
            if (!Frames.Contains(second))
                return;
            text.Append($"── at {second}s ──\n");
            foreach (var line in LiveViewText.Render(board.Snapshot(), new TerminalSize(120, 40)))
                text.Append(line).Append('\n');
        });

        Snapshot.Match(text.ToString(), "live-view.txt");
    }

    [Fact]
    public void A_narrow_terminal_gets_lines_cut_to_its_width_and_a_short_one_a_count_of_hidden_lines()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        var text = new StringBuilder();
        new ProgressScript(clock, board).Play(second =>
        {
            if (second != 4 && second != 110)
                return;
            text.Append($"── at {second}s, 60 columns, 6 rows ──\n");
            foreach (var line in LiveViewText.Render(board.Snapshot(), new TerminalSize(60, 6)))
                text.Append(line).Append('\n');
        });

        Snapshot.Match(text.ToString(), "live-view-narrow.txt");
        Assert.All(text.ToString().Split('\n'), line => Assert.True(line.Length < 60, line));
    }

    [Fact]
    public void Redirected_output_gets_a_line_every_10_seconds_for_each_thing_running_longer_than_10_seconds()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        var lines = new ProgressLines();
        var text = new StringBuilder();
        var script = new ProgressScript(clock, board);
        script.Play(second =>
        {
            foreach (var line in lines.Due(board.Snapshot()))
                text.Append($"+{second,3}s  {line}\n");
        });

        Snapshot.Match(text.ToString(), "progress-lines.txt");
    }

    [Fact]
    public void Nothing_shorter_than_10_seconds_gets_a_progress_line()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        var lines = new ProgressLines();
        board.TargetStarted("Restore");
        board.Report(new StepStarted("builder linux/amd64", "#2", "COPY requirements.txt .", false));
        var printed = new List<string>();
        for (var second = 1; second <= 9; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            printed.AddRange(lines.Due(board.Snapshot()));
        }
        board.Report(new StepFinished("builder linux/amd64", "#2", StepOutcome.Done));
        board.TargetFinished();
        clock.Advance(TimeSpan.FromSeconds(5));
        printed.AddRange(lines.Due(board.Snapshot()));

        Assert.Empty(printed);
    }

    [Theory]
    [InlineData(0, 0, "0 of 0 B")]
    [InlineData(210_400_000, 417_000_000, "210 of 417 MB")]
    [InlineData(21_040_000, 41_700_000, "21.0 of 41.7 MB")]
    [InlineData(512_000, 1_280_000_000, "0.0 of 1.3 GB")]
    [InlineData(900, 2_048, "0.9 of 2.0 kB")]
    public void Sizes_are_shown_in_the_unit_of_the_total(long sent, long total, string expected) =>
        Assert.Equal(expected, ByteText.Of(sent, total));
}
