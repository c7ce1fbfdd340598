using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>A P-256 key pair made by openssl (not by Slipway): plain SEC1, encrypted PKCS#8 and the public key, as PEM files.</summary>
internal sealed record SigningKeys(string PlainPrivateKey, string EncryptedPrivateKey, string PublicKey, string Passphrase)
{
    public static async Task<SigningKeys> CreateAsync(string folder, string passphrase, string name = "cosign")
    {
        var plain = Path.Combine(folder, $"{name}-plain.pem");
        var encrypted = Path.Combine(folder, $"{name}.key");
        var pub = Path.Combine(folder, $"{name}.pub");
        await ProcessRunner.RunCheckedAsync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", plain]);
        await ProcessRunner.RunCheckedAsync("openssl", ["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plain, "-out", encrypted, "-passout", $"pass:{passphrase}"]);
        await ProcessRunner.RunCheckedAsync("openssl", ["ec", "-in", plain, "-pubout", "-out", pub]);
        return new SigningKeys(plain, encrypted, pub, passphrase);
    }

    /// <summary><c>openssl dgst -sha256 -verify pub.pem -signature sig.bin payload.json</c>.</summary>
    public static async Task<bool> OpensslVerifiesAsync(string folder, string publicKey, byte[] payload, byte[] signature)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var payloadFile = Path.Combine(folder, $"payload-{id}.json");
        var signatureFile = Path.Combine(folder, $"sig-{id}.bin");
        await File.WriteAllBytesAsync(payloadFile, payload);
        await File.WriteAllBytesAsync(signatureFile, signature);
        var result = await ProcessRunner.RunAsync("openssl", ["dgst", "-sha256", "-verify", publicKey, "-signature", signatureFile, payloadFile]);
        return result.ExitCode == 0 && result.Text.Contains("Verified OK");
    }
}
