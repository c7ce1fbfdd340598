namespace Slipway.Containers.Attestations;

/// <summary>Checks a cosign signature of a payload: <see cref="EcdsaPublicKey"/> for key-pair signatures; a keyless
/// verifier would check the certificate annotation against a trust root and an identity instead.</summary>
public interface ISignatureVerifier
{
    string Description { get; }

    bool Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature, IReadOnlyDictionary<string, string> annotations);
}
