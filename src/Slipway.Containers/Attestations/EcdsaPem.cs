using System.Security.Cryptography;

namespace Slipway.Containers.Attestations;

/// <summary>Loads ECDSA P-256 keys from PEM text and names them by the SHA-256 of their public key.</summary>
internal static class EcdsaPem
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static ECDsa PrivateKey(string pem, string? passphrase, string what)
    {
        if (pem.Contains("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----", StringComparison.Ordinal))
            throw new SlipwayException($"{what} is in cosign's own encrypted format, which Slipway does not read; "
                + "give a PKCS#8 PEM (e.g. 'openssl pkcs8 -topk8' of an EC key, encrypted or not)");
        var key = ECDsa.Create();
        try
        {
            if (pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
            {
                if (string.IsNullOrEmpty(passphrase))
                    throw new SlipwayException($"{what} is encrypted and no passphrase was given");
                key.ImportFromEncryptedPem(pem, passphrase);
            }
            else
                key.ImportFromPem(pem);
            return CheckCurve(key, what);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new SlipwayException($"{what} is not an ECDSA private key in PEM{(string.IsNullOrEmpty(passphrase) ? "" : ", or the passphrase is wrong")}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new SlipwayException($"{what} holds no PEM private key: {e.Message}", e);
        }
        catch (SlipwayException)
        {
            key.Dispose();
            throw;
        }
    }

    public static ECDsa PublicKey(string pem, string what)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return CheckCurve(key, what);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new SlipwayException($"{what} is not an ECDSA public key in PEM: {e.Message}", e);
        }
    }

    /// <summary><c>SHA256:</c> and the hex of the SHA-256 of the public key's SubjectPublicKeyInfo.</summary>
    public static string Fingerprint(ECDsa key) => "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    private static ECDsa CheckCurve(ECDsa key, string what)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (curve.Oid.Value != P256Oid && curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            throw new SlipwayException($"{what} is an ECDSA key on {curve.Oid.FriendlyName ?? curve.Oid.Value}, not P-256");
        return key;
    }
}
