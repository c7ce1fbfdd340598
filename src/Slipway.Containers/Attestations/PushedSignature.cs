namespace Slipway.Containers.Attestations;

/// <summary>A signature now in the registry: the digest it signs, the tag and manifest holding it, whether this push added
/// it (false when the signer's signature was there already), and the bytes written.</summary>
public sealed record PushedSignature(string SignedDigest, string Tag, string ManifestDigest, bool Added, long BytesSent, TimeSpan Elapsed);
