using Slipway.Containers.Platforms;

namespace Slipway.Containers.Engine;

/// <summary>
/// One short-lived container for verification: the image's entrypoint (or <see cref="Entrypoint"/>) with
/// <see cref="Command"/>, no network unless asked, removed afterwards whatever happens.
/// </summary>
public sealed record ContainerRun(string Image, IReadOnlyList<string> Command)
{
    /// <summary>User to run as (<c>name</c>, <c>uid</c> or <c>uid:gid</c>); null keeps the image's USER.</summary>
    public string? User { get; init; }

    /// <summary>Network mode: <c>none</c> (the default), <c>bridge</c>, <c>host</c>.</summary>
    public string Network { get; init; } = "none";

    /// <summary>The platform to run (a foreign one runs under QEMU); null lets the engine pick the image's.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT; an empty list clears it; null keeps it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The container is killed and the run fails once this has passed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public override string ToString() => $"{Image} {string.Join(' ', Command)}".TrimEnd();
}
