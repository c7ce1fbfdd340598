using System.Text;
using Slipway.Paths;

namespace Slipway.Output;

/// <summary>
/// <c>.nuke/temp/build.log</c>: opened (and emptied) at the first line written, not before — a second build waiting
/// for the checkout lock has written nothing yet, so it leaves the running build's log alone. Every complete line
/// goes to the file in one unbuffered write, so a record is never split or merged with another.
/// </summary>
internal sealed class BuildLogFile(AbsolutePath path) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly object _lock = new();
    private FileStream? _file;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

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
            WriteWhole(text[..end]);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_lock)
            {
                if (_pending.Length > 0)
                    WriteWhole(_pending.ToString());
                _pending.Clear();
                _file?.Dispose();
                _file = null;
            }
        }
        base.Dispose(disposing);
    }

    private void WriteWhole(string lines)
    {
        if (_file is null)
        {
            Directory.CreateDirectory(path.Parent);
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        _file.Write(Encoding.UTF8.GetBytes(lines));
    }
}
