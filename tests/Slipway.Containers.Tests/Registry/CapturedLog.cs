using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Registry;

/// <summary>A Serilog logger that keeps every rendered event (and echoes it to the test output).</summary>
internal sealed class CapturedLog(ITestOutputHelper? output = null) : ILogEventSink
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
                return lines.ToList();
        }
    }

    public ILogger Logger => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        var line = $"[{logEvent.Level}] {logEvent.RenderMessage()} {string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))}";
        lock (lines)
            lines.Add(line);
        output?.WriteLine(line);
    }
}
