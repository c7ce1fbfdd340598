namespace Slipway.Containers.Components;

/// <summary>One platform's supply-chain records in the registry, by manifest digest: its SBOM and provenance referrers and
/// its cosign signature manifest (each null when the push made none: --attestations false, no --signing-key).</summary>
public sealed record PushedAttestations(string? Sbom, string? Provenance, string? Signature);
