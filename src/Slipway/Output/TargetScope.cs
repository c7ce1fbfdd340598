using Serilog.Core;
using Serilog.Events;

namespace Slipway.Output;

/// <summary>The target that is running, added to every log event as the <c>Target</c> property.</summary>
internal sealed class TargetScope : ILogEventEnricher
{
    public string? Current { get; set; }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Current is { } target)
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Target", target));
    }
}
