using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Slipway.Containers.Compose.Watch;

/// <summary>A watch cycle's build log: what the build says goes on at debug level (in build.log, and on the console with
/// --verbosity verbose), so the console shows a cycle as its own lines, a failure as the cycle's one error line;
/// warnings stay.</summary>
internal sealed class DemotedLog(ILogger target) : ILogEventSink
{
    public static Logger Over(ILogger target) =>
        new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new DemotedLog(target)).CreateLogger();

    public void Emit(LogEvent logEvent) => target.Write(logEvent.Level is LogEventLevel.Verbose or LogEventLevel.Warning
        ? logEvent
        : new LogEvent(logEvent.Timestamp, LogEventLevel.Debug, logEvent.Exception, logEvent.MessageTemplate,
            logEvent.Properties.Select(property => new LogEventProperty(property.Key, property.Value))));
}
