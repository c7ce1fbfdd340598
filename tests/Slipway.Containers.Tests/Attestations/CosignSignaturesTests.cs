using System.Runtime.Versioning;
using Slipway.Containers.Attestations;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Attestations;

[Collection(RegistryCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class CosignSignaturesTests(RegistryFixture fixture) : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Signing_again_adds_nothing_and_another_key_adds_its_signature_beside_the_first()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("signed");
        var image = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        var first = await SigningKeys.CreateAsync(folder.Path, "one", "first");
        var second = await SigningKeys.CreateAsync(folder.Path, "two", "second");
        using var firstSigner = EcdsaKeySigner.FromFile(first.PlainPrivateKey);
        using var secondSigner = EcdsaKeySigner.FromFile(second.EncryptedPrivateKey, second.Passphrase);
        var signatures = new CosignSignatures(client);

        var signed = await signatures.SignAsync(repository, image.Manifest.Digest, firstSigner);
        var again = await signatures.SignAsync(repository, image.Manifest.Digest, firstSigner);
        var other = await signatures.SignAsync(repository, image.Manifest.Digest, secondSigner);

        Assert.True(signed.Added);
        Assert.False(again.Added);
        Assert.Equal(0, again.BytesSent);
        Assert.Equal(signed.ManifestDigest, again.ManifestDigest);
        Assert.True(other.Added);
        Assert.Equal($"sha256-{image.Manifest.Digest[7..]}.sig", other.Tag);
        var stored = (await signatures.ReadAsync(repository, image.Manifest.Digest))!;
        Assert.Equal(2, stored.Count);
        Assert.True(firstSigner.IsOwnSignature(stored[0].Payload, stored[0].Signature));
        Assert.True(secondSigner.IsOwnSignature(stored[1].Payload, stored[1].Signature));
        Assert.Null(await signatures.ReadAsync(repository, "sha256:" + new string('0', 64)));
        Assert.Equal(image.Manifest, (await client.HeadManifestAsync(repository, image.Manifest.Digest))!);
    }

    public void Dispose() => folder.Dispose();
}
