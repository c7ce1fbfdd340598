using Serilog.Core;
using Serilog.Events;

namespace Slipway.Output;

/// <summary>Writes <c>[HH:mm:ss INF] message</c> lines to the run's output, coloured on a terminal; on GitHub Actions
/// warnings and errors become <c>::warning::</c>/<c>::error::</c> annotations. Stack traces only when verbose.</summary>
internal sealed class ConsoleSink(TextWriter output, Ansi ansi, bool gitHubActions, bool showStackTraces) : ILogEventSink
{
    private readonly object _lock = new();

    public void Emit(LogEvent logEvent)
    {
        var message = MessageText.Of(logEvent);
        var exception = logEvent.Exception is { } error && showStackTraces ? Environment.NewLine + error : "";
        string line;
        if (gitHubActions && logEvent.Level >= LogEventLevel.Warning)
        {
            var target = logEvent.Properties.TryGetValue("Target", out var value) && value is ScalarValue { Value: string name } ? name : null;
            var command = logEvent.Level >= LogEventLevel.Error ? "error" : "warning";
            line = GitHubCommands.Annotation(command, target, message + exception);
        }
        else
        {
            var colour = ColourOf(logEvent.Level);
            var prefix = ansi.Paint($"{logEvent.Timestamp:HH:mm:ss}", Ansi.Grey) + " " + ansi.Paint(LevelOf(logEvent.Level), colour ?? "");
            line = $"[{prefix}] {(colour is null || logEvent.Level < LogEventLevel.Warning ? message : ansi.Paint(message, colour))}{exception}";
        }
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static string LevelOf(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };

    private static string? ColourOf(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => Ansi.Grey,
        LogEventLevel.Information => null,
        LogEventLevel.Warning => Ansi.Yellow,
        _ => Ansi.Red,
    };
}
