using Serilog.Core;
using Serilog.Events;

namespace Slipway.Output;

/// <summary>Keeps the warnings and errors of the run for the recap before the summary.</summary>
internal sealed class ProblemSink(TargetScope scope) : ILogEventSink
{
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems
    {
        get
        {
            lock (_problems)
                return _problems.ToArray();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning)
            return;
        var target = logEvent.Properties.TryGetValue("Target", out var value) && value is ScalarValue { Value: string name } ? name : scope.Current;
        lock (_problems)
            _problems.Add(new Problem(logEvent.Level, target, MessageText.Of(logEvent)));
    }
}
