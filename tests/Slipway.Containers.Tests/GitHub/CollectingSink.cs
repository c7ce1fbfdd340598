using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>A Serilog sink that keeps each rendered message, so a test reads what a person would.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToArray(); } }

    public string Text => string.Join("\n", Lines);

    public void Emit(LogEvent logEvent)
    {
        lock (_lines)
            _lines.Add(logEvent.RenderMessage());
    }

    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}
