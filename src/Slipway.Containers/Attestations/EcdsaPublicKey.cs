using System.Security.Cryptography;

namespace Slipway.Containers.Attestations;

/// <summary>Verifies cosign key-pair signatures with an ECDSA P-256 public key from PEM.</summary>
public sealed class EcdsaPublicKey : ISignatureVerifier, IDisposable
{
    private readonly ECDsa key;

    private EcdsaPublicKey(ECDsa key)
    {
        this.key = key;
        Description = $"ECDSA P-256 key {EcdsaPem.Fingerprint(key)}";
    }

    public string Description { get; }

    public static EcdsaPublicKey FromPem(string pem) => new(EcdsaPem.PublicKey(pem, "the signing public key"));

    public static EcdsaPublicKey FromFile(string path) =>
        File.Exists(path)
            ? new(EcdsaPem.PublicKey(File.ReadAllText(path), $"the signing public key {path}"))
            : throw new SlipwayException($"the signing public key {path} does not exist");

    public bool Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature, IReadOnlyDictionary<string, string> annotations)
    {
        try
        {
            return key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => key.Dispose();
}
