using System.Text;

namespace Slipway.Server;

/// <summary>A served run's output, written through to the client's connection as it comes, one writer at a time (as
/// the console's is). Once the client is gone (its run is being cancelled then), what is still written is dropped
/// instead of failing the run's own writes.</summary>
internal sealed class ClientOutput(Stream connection) : TextWriter
{
    private readonly StreamWriter _writer = new(connection, new UTF8Encoding(false), 16 * 1024) { AutoFlush = true };
    private readonly object _gate = new();
    private bool _gone;

    public override Encoding Encoding => _writer.Encoding;

    public override void Write(char value) => Guard(() => _writer.Write(value));

    public override void Write(string? value) => Guard(() => _writer.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _writer.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => _writer.WriteLine(value));

    public override void Flush() => Guard(_writer.Flush);

    private void Guard(Action write)
    {
        lock (_gate)
        {
            if (_gone)
                return;
            try
            {
                write();
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                _gone = true;
            }
        }
    }
}
