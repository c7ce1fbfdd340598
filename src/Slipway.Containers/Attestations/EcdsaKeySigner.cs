using System.Security.Cryptography;

namespace Slipway.Containers.Attestations;

/// <summary>Signs with an ECDSA P-256 private key from PEM (PKCS#8, encrypted with a passphrase or plain, or SEC1
/// <c>EC PRIVATE KEY</c>): ASN.1 DER signatures over the payload's SHA-256, as cosign writes them.</summary>
public sealed class EcdsaKeySigner : IPayloadSigner, IDisposable
{
    private readonly ECDsa key;

    private EcdsaKeySigner(ECDsa key)
    {
        this.key = key;
        Description = $"ECDSA P-256 key {EcdsaPem.Fingerprint(key)}";
    }

    public string Description { get; }

    /// <summary>The public key as PEM (<c>PUBLIC KEY</c>), the form <c>cosign verify --key</c> and <see cref="EcdsaPublicKey"/> take.</summary>
    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    public static EcdsaKeySigner FromPem(string pem, string? passphrase = null) =>
        new(EcdsaPem.PrivateKey(pem, passphrase, "the signing key"));

    public static EcdsaKeySigner FromFile(string path, string? passphrase = null)
    {
        if (!File.Exists(path))
            throw new SlipwayException($"the signing key {path} does not exist");
        return new(EcdsaPem.PrivateKey(File.ReadAllText(path), passphrase, $"the signing key {path}"));
    }

    public Task<PayloadSignature> SignAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        Task.FromResult(new PayloadSignature(key.SignData(payload.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)));

    public bool IsOwnSignature(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
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
