using System.Text;

namespace Slipway.Output.Progress;

/// <summary>
/// The terminal while a live region is shown under the log: every complete line written here goes above the region
/// (the region is erased, the lines written, the region drawn again, in one write), so log lines are never garbled
/// and never mixed with the region. Partial lines wait for their end. <see cref="Stop"/> erases the region for good.
/// </summary>
internal sealed class LiveConsole(TextWriter inner, Func<IReadOnlyList<string>> region) : TextWriter
{
    private readonly object _lock = new();
    private readonly StringBuilder _pending = new();
    private IReadOnlyList<string> _drawn = [];
    private bool _stopped;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        lock (_lock)
        {
            _pending.Append(value);
            if (!value.Contains('\n'))
                return;
            var text = _pending.ToString();
            var end = text.LastIndexOf('\n') + 1;
            _pending.Remove(0, end);
            var frame = new StringBuilder();
            Erase(frame);
            frame.Append(text, 0, end);
            Draw(frame, _stopped ? [] : region());
            inner.Write(frame.ToString());
            inner.Flush();
        }
    }

    public override void Flush()
    {
        lock (_lock)
            inner.Flush();
    }

    /// <summary>Draws the region again if it changed (the timer calls this a few times a second).</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            if (_stopped)
                return;
            var lines = region();
            if (lines.SequenceEqual(_drawn))
                return;
            var frame = new StringBuilder();
            Erase(frame);
            Draw(frame, lines);
            inner.Write(frame.ToString());
            inner.Flush();
        }
    }

    /// <summary>Erases the region and shows none again; what follows (summary, errors) is plain output.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            var frame = new StringBuilder();
            Erase(frame);
            _stopped = true;
            frame.Append(_pending);
            _pending.Clear();
            inner.Write(frame.ToString());
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Stop();
        base.Dispose(disposing);
    }

    /// <summary>Up to the region's first line, then clear to the end of the screen.</summary>
    private void Erase(StringBuilder frame)
    {
        if (_drawn.Count > 0)
            frame.Append($"\u001b[{_drawn.Count}F\u001b[J");
        _drawn = [];
    }

    private void Draw(StringBuilder frame, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
            frame.Append(line).Append('\n');
        _drawn = lines;
    }
}
