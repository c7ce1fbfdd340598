namespace Slipway.Output.Progress;

/// <summary>
/// When the output is not a terminal (redirected, CI): every <see cref="Interval"/>, one line for each thing that has
/// been running longer than that: <c>push linux/arm64: 210 of 417 MB, 7.1 MB/s</c>,
/// <c>push builder linux/arm64: compressing layer 2 of 3 (88.0 of 160 MB), getting ready for 14.0s</c>,
/// <c>build builder linux/arm64: #7 RUN pip install … running 2m 10s under QEMU; last: Building wheel</c>, or the
/// target alone (<c>Push: running 40s</c>) when it reports nothing finer.
/// </summary>
internal sealed class ProgressLines
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private DateTimeOffset? _next;

    /// <summary>The lines due at <see cref="BoardSnapshot.Now"/>; none between intervals.</summary>
    public IReadOnlyList<string> Due(BoardSnapshot board)
    {
        _next ??= board.Now + Interval;
        if (board.Now < _next)
            return [];
        _next = board.Now + Interval;
        return Lines(board);
    }

    public static IReadOnlyList<string> Lines(BoardSnapshot board)
    {
        var now = board.Now;
        var lines = new List<string>();
        foreach (var preparing in board.Preparing.Where(preparing => now - preparing.Started >= Interval))
        {
            var bytes = preparing.Total > 0 ? $" ({ByteText.Of(preparing.Done, preparing.Total)})" : "";
            lines.Add($"push {preparing.Push}: {preparing.Phase}{bytes}, getting ready for {DurationText.Of(now - preparing.Started)}");
        }
        foreach (var push in board.Pushes.Where(push => now - push.Started >= Interval))
        {
            var rate = push.Rate is { } perSecond ? ", " + ByteText.Rate(perSecond) : "";
            var skipped = push.Skipped > 0 ? $", {push.Skipped} of {push.BlobCount} blobs skipped (the registry has them)" : "";
            lines.Add($"push {push.Push}: {ByteText.Of(push.Sent, push.Total)}{rate}{skipped}");
        }
        foreach (var build in board.Builds)
        {
            foreach (var step in build.Steps.Where(step => now - step.Started >= Interval))
            {
                var emulated = step.Emulated ? " under QEMU" : "";
                var last = step.LastLine is null ? "" : "; last: " + step.LastLine;
                lines.Add($"build {build.Build}: {step.Step} {step.Name} running {DurationText.Of(now - step.Started)}{emulated}{last}");
            }
        }
        if (lines.Count == 0 && board.Target is { } target && now - target.Started >= Interval)
            lines.Add($"{target.Name}: running {DurationText.Of(now - target.Started)}");
        return lines;
    }
}
