using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>One platform's images in the registry, by digest: what the index writer needs, and what a CI matrix job
/// hands to the merge job (as JSON under .nuke/temp/digests); with the app image's SBOM, provenance and signature
/// when the push attested it.</summary>
public sealed record PushedPlatform(
    string Platform,
    string DependencyTag,
    ContentDescriptor Builder,
    ContentDescriptor App,
    PushedAttestations? Attestations = null)
{
    public PlatformManifest BuilderManifest => new(Builder, Platforms.Platform.Parse(Platform));

    public PlatformManifest AppManifest => new(App, Platforms.Platform.Parse(Platform));
}
