using Slipway.Output.Progress;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

/// <summary>Before a push sends its first byte it exports the image and compresses its layers, which takes long for
/// large images: the live view and the redirected lines say so instead of showing a silent target.</summary>
public sealed class PushPreparationTests
{
    private const long MB = 1_000_000;

    [Fact]
    public void Exporting_and_compressing_show_in_the_live_view_with_bytes_of_the_layers_and_leave_when_the_push_starts()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        board.TargetStarted("Push");
        board.Report(new PushPreparing("builder linux/arm64", "exporting the image from the engine", 0, 0));
        clock.Advance(TimeSpan.FromSeconds(6));
        var exporting = LiveViewText.Render(board.Snapshot(), new TerminalSize(120, 40));
        board.Report(new PushPreparing("builder linux/arm64", "compressing layer 2 of 3", 88 * MB, 160 * MB));
        clock.Advance(TimeSpan.FromSeconds(8));
        var compressing = LiveViewText.Render(board.Snapshot(), new TerminalSize(120, 40));
        board.Report(new PushStarted("builder linux/arm64", 4, 150 * MB));
        var started = LiveViewText.Render(board.Snapshot(), new TerminalSize(120, 40));

        Assert.Equal(["▸ Push 6.0s", "  push builder linux/arm64  exporting the image from the engine  6.0s"], exporting);
        Assert.Equal(
            ["▸ Push 14.0s", "  push builder linux/arm64  compressing layer 2 of 3  ━━━━━━━━━━━━━───────────  88.0 of 160 MB  14.0s"],
            compressing);
        Assert.Equal(2, started.Count);
        Assert.StartsWith("  push builder linux/arm64  ────", started[1]);
    }

    [Fact]
    public void Redirected_output_gets_a_line_for_a_push_getting_ready_longer_than_10_seconds()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        var lines = new ProgressLines();
        board.TargetStarted("Push");
        board.Report(new PushPreparing("app linux/amd64", "exporting the image from the engine", 0, 0));
        var printed = new List<string>(lines.Due(board.Snapshot()));
        for (var second = 1; second <= 20; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            if (second == 12)
                board.Report(new PushPreparing("app linux/amd64", "compressing layer 1 of 2", 40 * MB, 417 * MB));
            printed.AddRange(lines.Due(board.Snapshot()));
        }

        Assert.Equal(
        [
            "push app linux/amd64: exporting the image from the engine, getting ready for 10.0s",
            "push app linux/amd64: compressing layer 1 of 2 (40.0 of 417 MB), getting ready for 20.0s",
        ], printed);
    }

    [Fact]
    public void A_push_that_fails_while_getting_ready_leaves_the_board_with_its_target()
    {
        var clock = new FakeClock();
        var board = new ProgressBoard(clock);
        board.TargetStarted("Push");
        board.Report(new PushPreparing("app linux/amd64", "compressing layer 1 of 2", 0, 417 * MB));
        board.TargetFinished();

        Assert.True(board.Snapshot().IsEmpty);
    }
}
