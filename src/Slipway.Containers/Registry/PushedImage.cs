using Slipway.Containers.Platforms;
namespace Slipway.Containers.Registry;

/// <summary>An image now in the repository by digest (no tag): its manifest, the platform its config names, and the report.</summary>
public sealed record PushedImage(string Registry, string Repository, ContentDescriptor Manifest, Platform Platform, PushReport Report)
{
    /// <summary>The reference by digest, e.g. <c>ghcr.io/acme/voice@sha256:...</c>.</summary>
    public ImageReference Reference => ImageReference.Create(Registry, Repository, digest: Manifest.Digest);

    /// <summary>This image as a child of a <see cref="MultiPlatformIndex"/>.</summary>
    public PlatformManifest ToPlatformManifest() => new(Manifest, Platform);
}
