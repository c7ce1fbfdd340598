using Serilog;

namespace Slipway.Output.Progress;

/// <summary>
/// Shows the <see cref="ProgressBoard"/> while the targets run. On a terminal: a live region under the log, drawn a
/// few times a second (<see cref="LiveConsole"/>). Always: every 10 s a line per thing running longer than 10 s
/// (<see cref="ProgressLines"/>) into the line writer — the console and the build log when there is no live
/// region, the build log alone when there is.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(100);
    private readonly ProgressBoard _board;
    private readonly ILogger _lines;
    private readonly ProgressLines _due = new();
    private readonly ITimer _tick;
    private readonly ITimer? _draw;

    public ProgressDisplay(ProgressBoard board, ILogger lines, LiveConsole? live)
    {
        _board = board;
        _lines = lines;
        Live = live;
        _tick = board.Clock.CreateTimer(_ => WriteDueLines(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (live is not null)
            _draw = board.Clock.CreateTimer(_ => live.Refresh(), null, Frame, Frame);
    }

    public LiveConsole? Live { get; }

    public void WriteDueLines()
    {
        IReadOnlyList<string> due;
        lock (_due)
            due = _due.Due(_board.Snapshot());
        foreach (var line in due)
            _lines.Information("{Progress:l}", line);
    }

    /// <summary>No more drawing: the region is erased, so the summary prints below the log.</summary>
    public void Stop()
    {
        _draw?.Dispose();
        Live?.Stop();
    }

    public void Dispose()
    {
        _tick.Dispose();
        Stop();
    }
}
