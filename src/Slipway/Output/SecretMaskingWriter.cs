using System.Text;
using Slipway.Parameters;

namespace Slipway.Output;

/// <summary>Everything the engine prints or logs passes through here: text is held until a line is complete (or the
/// writer is flushed), then every secret value in it is replaced with <c>****</c> before it reaches the real writer.</summary>
internal sealed class SecretMaskingWriter(TextWriter inner, SecretValues secrets, bool ownsInner = false) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly object _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _pending.Append(value);
            if (value == '\n')
                EmitLines();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        lock (_lock)
        {
            _pending.Append(value);
            if (value.Contains('\n'))
                EmitLines();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

    public override void Flush()
    {
        lock (_lock)
        {
            if (_pending.Length > 0)
            {
                inner.Write(secrets.Apply(_pending.ToString()));
                _pending.Clear();
            }
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            if (ownsInner)
                inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void EmitLines()
    {
        var text = _pending.ToString();
        var end = text.LastIndexOf('\n') + 1;
        inner.Write(secrets.Apply(text[..end]));
        _pending.Remove(0, end);
    }
}
