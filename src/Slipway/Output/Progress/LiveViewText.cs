namespace Slipway.Output.Progress;

/// <summary>
/// The live region under the log on a terminal, as lines no wider than the terminal:
/// <code>
/// ▸ Push 1m 02s
///   push builder linux/arm64  compressing layer 2 of 3  ━━━━━━━━━━━━━───────────  88.0 of 160 MB  14.0s
///   push linux/arm64  ━━━━━━━━━━━━────────────  210 of 417 MB  7.1 MB/s  1 done, 1 skipped of 4 blobs
///     1a2b3c4d5e6f  ━━━━━━━━━━━━━━━━━━━━━━━━  120 of 120 MB  done
///     9f8e7d6c5b4a  ━━━━━━━━━━━━━━━━━─────────  90.0 of 297 MB  7.1 MB/s
///     77aa12bb34cc  skipped (12.1 MB): the registry has it
///   build builder linux/arm64
///     #7    2m 10s  QEMU  RUN pip install -r requirements.txt  │ Building wheel for numpy
/// </code>
/// </summary>
internal static class LiveViewText
{
    private const int BarWidth = 24;
    private const int NameWidth = 56;
    private const int BlobLines = 6;

    public static IReadOnlyList<string> Render(BoardSnapshot board, TerminalSize size)
    {
        var (width, height) = (size.Width, Math.Max(2, size.Height - 2));
        var lines = new List<string>();
        if (board.Target is { } target)
            lines.Add($"▸ {target.Name} {DurationText.Of(board.Now - target.Started)}");
        foreach (var preparing in board.Preparing)
            lines.Add(PreparingText(preparing, board.Now));
        foreach (var push in board.Pushes)
            AddPush(lines, push);
        foreach (var build in board.Builds)
            AddBuild(lines, build, board.Now);
        var fitting = lines.Select(line => Fit(line, width)).ToList();
        if (fitting.Count > height)
        {
            var hidden = fitting.Count - height + 1;
            fitting = [.. fitting.Take(height - 1), Fit($"  … {hidden} more lines", width)];
        }
        return fitting;
    }

    public static string Bar(long done, long total)
    {
        var filled = total <= 0 ? BarWidth : (int)Math.Round(BarWidth * Math.Clamp((double)done / total, 0, 1));
        return new string('━', filled) + new string('─', BarWidth - filled);
    }

    private static void AddPush(List<string> lines, PushRow push)
    {
        var rate = push.Rate is { } perSecond ? "  " + ByteText.Rate(perSecond) : "";
        lines.Add($"  push {push.Push}  {Bar(push.Sent, push.Total)}  {ByteText.Of(push.Sent, push.Total)}{rate}  " +
                  $"{push.Done} done, {push.Skipped} skipped of {push.BlobCount} blobs");
        var shown = push.Blobs.Count <= BlobLines
            ? push.Blobs
            : push.Blobs.Where(blob => blob.State == BlobState.Uploading)
                .Concat(push.Blobs.Where(blob => blob.State != BlobState.Uploading).TakeLast(BlobLines))
                .Take(BlobLines).ToArray();
        foreach (var blob in push.Blobs.Where(shown.Contains))
            lines.Add("    " + BlobText(blob));
        if (push.Blobs.Count > shown.Count)
            lines.Add($"    … {push.Blobs.Count - shown.Count} more blobs done or skipped");
    }

    private static string PreparingText(PreparingRow preparing, DateTimeOffset now)
    {
        var bytes = preparing.Total > 0 ? $"  {Bar(preparing.Done, preparing.Total)}  {ByteText.Of(preparing.Done, preparing.Total)}" : "";
        return $"  push {preparing.Push}  {preparing.Phase}{bytes}  {DurationText.Of(now - preparing.Started)}";
    }

    private static string BlobText(BlobRow blob) => blob.State switch
    {
        BlobState.Skipped => $"{blob.ShortDigest}  skipped ({ByteText.Of(blob.Size)}): {blob.Reason}",
        BlobState.Done => $"{blob.ShortDigest}  {Bar(1, 1)}  {ByteText.Of(blob.Size, blob.Size)}  done",
        _ => $"{blob.ShortDigest}  {Bar(blob.Sent, blob.Size)}  {ByteText.Of(blob.Sent, blob.Size)}" +
             (blob.Rate is { } rate ? "  " + ByteText.Rate(rate) : ""),
    };

    private static void AddBuild(List<string> lines, BuildRow build, DateTimeOffset now)
    {
        lines.Add($"  build {build.Build}");
        foreach (var step in build.Steps)
        {
            var marker = step.Emulated ? "QEMU" : "    ";
            var last = step.LastLine is null ? "" : "  │ " + step.LastLine;
            lines.Add($"    {step.Step,-4} {DurationText.Of(now - step.Started),7}  {marker}  {Ellipsis(step.Name, NameWidth)}{last}");
        }
    }

    /// <summary>One column short of the width: a line that fills the last column wraps on some terminals, and a wrapped
    /// line would break the count of lines to erase.</summary>
    private static string Fit(string line, int width) => Ellipsis(line, Math.Max(10, width - 1));

    private static string Ellipsis(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
