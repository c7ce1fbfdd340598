using Slipway.Containers.Platforms;

namespace Slipway.Containers.Attestations;

/// <summary>One platform of a verified tag: its manifest and the digests of its SBOM, provenance and signature manifests
/// (the signature's null when no public key was given), for the job summary and release notes.</summary>
public sealed record VerifiedPlatform(Platform Platform, string ManifestDigest, string SbomDigest, string ProvenanceDigest, string? SignatureDigest);
