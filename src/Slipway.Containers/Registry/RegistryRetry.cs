using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Slipway.Containers.Registry;

/// <summary>
/// The Polly pipeline every registry request and upload step runs through: a per-attempt timeout inside a bounded
/// retry with exponential backoff and jitter. Retried: 5xx, 429 and 408 answers, timeouts, connection failures and
/// resets. Not retried: any other 4xx (authentication, missing content, bad input) and the caller's cancellation.
/// </summary>
internal static class RegistryRetry
{
    public static readonly ResiliencePropertyKey<TimeSpan> Timeout = new("slipway.registry.timeout");
    public static readonly ResiliencePropertyKey<string> Operation = new("slipway.registry.operation");

    public static ResiliencePipeline Create(string registry, RegistryClientOptions options) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientRegistryException { RetryAfter: { } after }
                        ? (TimeSpan?)(after < options.MaxRetryDelay ? after : options.MaxRetryDelay)
                        : null),
                OnRetry = args =>
                {
                    options.Logger.Warning(
                        "Registry {Registry}: {Operation} failed ({Reason}); attempt {Attempt} of {MaxAttempts} in {Delay:0.0}s",
                        registry,
                        args.Context.Properties.GetValue(Operation, "request"),
                        Describe(args.Outcome.Exception),
                        args.AttemptNumber + 2,
                        options.MaxAttempts,
                        args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(Timeout, options.RequestTimeout)),
            })
            .Build();

    public static bool IsTransient(HttpStatusCode status) =>
        ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported))
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    public static bool IsTransient(Exception? exception) => exception switch
    {
        TransientRegistryException or TimeoutRejectedException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException or IOException => true,
        _ => false,
    };

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    /// <summary>The innermost message of a failure, on one line (it never holds credentials: they live only in headers).</summary>
    public static string Describe(Exception? exception)
    {
        if (exception is null)
            return "unknown failure";
        if (exception is TimeoutRejectedException timeout)
            return $"no answer within {timeout.Timeout.TotalSeconds:0.###}s";
        var innermost = exception;
        while (innermost.InnerException is { } inner && exception is not TransientRegistryException)
            innermost = inner;
        var text = innermost == exception || innermost.Message.Length == 0
            ? exception.Message
            : $"{exception.Message} {innermost.Message}";
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
