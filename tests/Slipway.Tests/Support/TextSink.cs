using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Slipway.Tests.Support;

/// <summary>Renders each event as "LVL message" (strings unquoted, as on the console) into a writer.</summary>
internal sealed class TextSink(TextWriter writer) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new("{Level:u3} {Message:lj}{NewLine}");

    public void Emit(LogEvent logEvent)
    {
        lock (writer)
            _formatter.Format(logEvent, writer);
    }
}
