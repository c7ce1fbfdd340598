using Slipway.Containers.Platforms;

namespace Slipway.Containers.Attestations;

/// <summary>The image an SBOM or a provenance statement describes: <c>registry/repository</c>, its platform manifest digest
/// and its platform.</summary>
public sealed record SbomSubject(string Name, string ManifestDigest, Platform Platform)
{
    /// <summary>The hex of the sha256 digest.</summary>
    public string Sha256 => ManifestDigest.StartsWith("sha256:", StringComparison.Ordinal)
        ? ManifestDigest["sha256:".Length..]
        : throw new SlipwayException($"'{ManifestDigest}' is not a sha256 digest");
}
