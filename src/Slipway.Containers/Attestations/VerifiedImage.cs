namespace Slipway.Containers.Attestations;

/// <summary>A tag that passed verification: its index digest and signature, and every platform.</summary>
public sealed record VerifiedImage(string Reference, string IndexDigest, string? IndexSignatureDigest, IReadOnlyList<VerifiedPlatform> Platforms);
