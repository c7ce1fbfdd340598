using Serilog.Events;
using Serilog.Formatting.Display;

namespace Slipway.Output;

/// <summary>A log event's message as a person reads it: strings without quotes, structures as JSON.</summary>
internal static class MessageText
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}");

    public static string Of(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        return writer.ToString();
    }
}
