using Serilog.Events;

namespace Slipway.Output;

/// <summary>A warning or error logged during the run, repeated before the summary.</summary>
internal sealed record Problem(LogEventLevel Level, string? Target, string Message)
{
    public bool IsError => Level >= LogEventLevel.Error;
}
