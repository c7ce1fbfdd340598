using Slipway.Containers.Tagging;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>Everything later targets read, resolved once by Restore: nothing re-reads the disk or the environment behind it.</summary>
public sealed record BuildInputs(
    AbsolutePath Context,
    DockerfileContract Dockerfiles,
    ImageNames Names,
    IReadOnlyList<PlatformInputs> Platforms,
    SourceRevision Revision,
    IReadOnlyList<string> AppTags,
    string? Version,
    RegistrySettings? Registry)
{
    /// <summary>More than one platform on one engine: local tags carry the platform so they do not overwrite each other.</summary>
    public bool IsMultiPlatform => Platforms.Count > 1;

    public string LocalTag(string tag, PlatformInputs platform) => IsMultiPlatform ? $"{tag}-{platform.Platform.Slug}" : tag;

    public string BuilderReference(PlatformInputs platform) => $"{Names.Builder}:{platform.DependencyHash.BuilderTag}";

    /// <summary>The <c>--build-secrets</c>, read by Restore, for <c>RUN --mount=type=secret</c> in the builder and app builds.</summary>
    public IReadOnlyList<Engine.Session.BuildSecret> Secrets { get; init; } = [];

    /// <summary>The login of <see cref="Registry"/> (the one Push uses), for the engine's pulls of private base images.</summary>
    public IReadOnlyList<Engine.RegistryLogin> RegistryLogins => Registry?.Credentials is { } credentials
        ? [new Engine.RegistryLogin(Registry.App.Registry, credentials.Username, credentials.Password)]
        : [];
}
