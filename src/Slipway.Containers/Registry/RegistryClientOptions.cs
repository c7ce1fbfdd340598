using Serilog;

namespace Slipway.Containers.Registry;

/// <summary>Retry, timeout and upload settings of a <see cref="RegistryClient"/>; the defaults suit public registries.</summary>
public sealed record RegistryClientOptions
{
    public static RegistryClientOptions Default { get; } = new();

    /// <summary>Attempts per request or upload step, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one attempt of a request without a blob body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Time allowed for one attempt of a blob upload step.</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Blobs up to this size go up in one PUT; larger ones in PATCH chunks of <see cref="ChunkSize"/>.</summary>
    public long MonolithicUploadLimit { get; init; } = 64L * 1024 * 1024;

    public int ChunkSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Use http instead of https. Unset: http only for loopback registries (localhost, 127.0.0.0/8, ::1).</summary>
    public bool? PlainHttp { get; init; }

    public ILogger Logger { get; init; } = Serilog.Core.Logger.None;
}
