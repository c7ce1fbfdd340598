using System.Text;
using Slipway.Containers.Attestations;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Attestations;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EcdsaKeySignerTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_signature_of_an_encrypted_PKCS8_key_verifies_with_openssl()
    {
        var keys = await SigningKeys.CreateAsync(folder.Path, "s3cret passphrase");
        using var signer = EcdsaKeySigner.FromFile(keys.EncryptedPrivateKey, keys.Passphrase);
        var payload = new SimpleSigningPayload("127.0.0.1:5000/acme/voice", "sha256:" + new string('a', 64)).ToBytes();

        var signature = await signer.SignAsync(payload, CancellationToken.None);

        Assert.True(await SigningKeys.OpensslVerifiesAsync(folder.Path, keys.PublicKey, payload, signature.Signature));
        Assert.True(signer.IsOwnSignature(payload, signature.Signature));
        using var publicKey = EcdsaPublicKey.FromFile(keys.PublicKey);
        Assert.True(publicKey.Verify(payload, signature.Signature, new Dictionary<string, string>()));
        Assert.Equal(publicKey.Description, signer.Description);
    }

    [Fact]
    public async Task Reads_a_plain_SEC1_key_and_refuses_a_wrong_passphrase_or_another_curve()
    {
        var keys = await SigningKeys.CreateAsync(folder.Path, "right");
        using (var plain = EcdsaKeySigner.FromFile(keys.PlainPrivateKey))
            Assert.Contains("PUBLIC KEY", plain.PublicKeyPem);

        var wrong = Assert.Throws<SlipwayException>(() => EcdsaKeySigner.FromFile(keys.EncryptedPrivateKey, "wrong"));
        Assert.Contains("passphrase", wrong.Message);
        Assert.DoesNotContain("wrong", wrong.Message.Replace("is wrong", ""));
        Assert.Contains("no passphrase", Assert.Throws<SlipwayException>(() => EcdsaKeySigner.FromFile(keys.EncryptedPrivateKey)).Message);

        var p384 = folder.Path / "p384.pem";
        await ProcessRunner.RunCheckedAsync("openssl", ["ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", p384]);
        Assert.Contains("not P-256", Assert.Throws<SlipwayException>(() => EcdsaKeySigner.FromFile(p384)).Message);
    }

    [Fact]
    public void The_payload_is_cosign_simple_signing_json_and_reads_back()
    {
        var payload = new SimpleSigningPayload("127.0.0.1:5000/acme/voice", "sha256:" + new string('a', 64));

        Assert.Equal(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5000/acme/voice\"},\"image\":{\"docker-manifest-digest\":\"sha256:"
            + new string('a', 64) + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}",
            Encoding.UTF8.GetString(payload.ToBytes()));
        Assert.Equal(payload, SimpleSigningPayload.Read(payload.ToBytes(), out var problem));
        Assert.Null(problem);
        Assert.Null(SimpleSigningPayload.Read("{\"critical\":{\"type\":\"other\"}}"u8, out problem));
        Assert.Contains("other", problem);
    }

    public void Dispose() => folder.Dispose();
}
