namespace Slipway.Containers.Registry;

/// <summary>An artifact now attached to its subject: its manifest, how the registry lists it, and the bytes and time
/// that took (blob and manifest bodies written, the referrers tag included).</summary>
public sealed record AttachedArtifact(
    ContentDescriptor Manifest, string ArtifactType, ContentDescriptor Subject, ReferrersStore Store, long BytesSent, TimeSpan Elapsed);
