namespace Slipway.Containers.Registry;

/// <summary>An answer worth retrying (5xx, 429, 408); it carries the registry's error for the final message.</summary>
internal sealed class TransientRegistryException(RegistryError error, TimeSpan? retryAfter)
    : Exception(error.Text)
{
    public RegistryError Error { get; } = error;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
