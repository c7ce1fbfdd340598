using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Slipway.Output;

/// <summary>The run's log as compact JSON, one event per line, in <c>.nuke/temp/build.log</c> (through the secret mask).</summary>
internal sealed class JsonLogSink(TextWriter writer) : ILogEventSink
{
    private readonly CompactJsonFormatter _formatter = new();
    private readonly object _lock = new();
    private bool _closed;

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (_closed)
                return;
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }

    /// <summary>Not IDisposable on purpose: two loggers share this sink, and neither should close it.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (!_closed)
                writer.Dispose();
            _closed = true;
        }
    }
}
