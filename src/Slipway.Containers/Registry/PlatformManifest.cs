using Slipway.Containers.Platforms;
namespace Slipway.Containers.Registry;

/// <summary>One child of a multi-platform index: an image manifest already in the repository and its platform.</summary>
public sealed record PlatformManifest(ContentDescriptor Manifest, Platform Platform);
