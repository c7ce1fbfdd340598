namespace Slipway.Containers.GitHub;

/// <summary>One pushed image for one platform: <c>ghcr.io/acme/voice</c>, tag <c>1.2.3</c>, <c>linux/arm64</c>, and the
/// digest of that platform's manifest; for an attested app image also the digests of its SBOM, provenance and signature.</summary>
public sealed record PublishedImage(
    string Image, string Tag, string Platform, string Digest, string? Sbom = null, string? Provenance = null, string? Signature = null)
{
    public bool IsAttested => Sbom is not null || Provenance is not null || Signature is not null;
}
