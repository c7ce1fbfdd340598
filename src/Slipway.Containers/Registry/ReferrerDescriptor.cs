namespace Slipway.Containers.Registry;

/// <summary>One referrer of a manifest, as the referrers API or the referrers tag lists it: the artifact manifest, its
/// artifact type and its annotations.</summary>
public sealed record ReferrerDescriptor(ContentDescriptor Manifest, string ArtifactType, IReadOnlyDictionary<string, string> Annotations);
