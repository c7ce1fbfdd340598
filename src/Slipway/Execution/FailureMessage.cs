using System.Reflection;

namespace Slipway.Execution;

/// <summary>The one line a user reads for a failure: our own message as it is, anything else with its type.</summary>
internal static class FailureMessage
{
    public static string Of(Exception exception) => Unwrap(exception) switch
    {
        SlipwayException slipway => slipway.Message,
        var other => $"{other.GetType().Name}: {other.Message}",
    };

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };
}
