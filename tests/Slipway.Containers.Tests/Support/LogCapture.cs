using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Slipway.Containers.Tests.Support;

/// <summary>A Serilog logger whose rendered lines a test can read (all levels, in order).</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly List<string> _lines = [];
    private readonly MessageTemplateTextFormatter _format = new("{Message:l}"); // strings as they are, no quotes

    public LogCapture() => Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _lines.ToArray();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var text = new StringWriter();
        _format.Format(logEvent, text);
        lock (_lines)
            _lines.Add(text.ToString());
    }
}
