using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

/// <summary>What one platform image got: its SBOM and provenance referrers, its signature (none without a signer), and
/// what that added to the push (bytes written, time from reading the image to the last manifest).</summary>
public sealed record PlatformAttestations(
    Platform Platform, ContentDescriptor Manifest, AttachedArtifact Sbom, AttachedArtifact Provenance, PushedSignature? Signature, TimeSpan Elapsed)
{
    public long BytesSent => Sbom.BytesSent + Provenance.BytesSent + (Signature?.BytesSent ?? 0);
}
