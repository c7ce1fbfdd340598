using System.Text;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Attestations;

[Collection(RegistryCollection.Name)]
public sealed class AttestationVerifierTests(RegistryFixture fixture)
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");

    [Fact]
    public async Task A_missing_platform_and_an_attestation_inside_the_index_fail_in_one_line()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("verify");
        var amd64 = await PushAttestedAsync(client, repository, "amd64");
        var arm64 = await PushAttestedAsync(client, repository, "arm64");
        var index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
            + $"{{\"mediaType\":\"{amd64.Manifest.MediaType}\",\"digest\":\"{amd64.Manifest.Digest}\",\"size\":{amd64.Manifest.Size},\"platform\":{{\"architecture\":\"amd64\",\"os\":\"linux\"}}}},"
            + $"{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{amd64.Sbom.Manifest.Digest}\",\"size\":{amd64.Sbom.Manifest.Size},\"platform\":{{\"architecture\":\"unknown\",\"os\":\"unknown\"}}}}]}}";
        await client.PutManifestAsync(repository, "dev", Encoding.UTF8.GetBytes(index), MediaTypes.OciIndex);

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => new AttestationVerifier(client, null).VerifyAsync(repository, "dev", [Amd64, Arm64]));

        Assert.DoesNotContain('\n', failure.Message);
        Assert.Contains($"{client.Registry}/{repository}:dev failed verification", failure.Message);
        Assert.Contains("unknown/unknown: the index holds it but it was not expected", failure.Message);
        Assert.Contains("linux/arm64: missing from the index", failure.Message);
        Assert.DoesNotContain("linux/amd64:", failure.Message);

        await new MultiPlatformIndex(client).WriteAsync(repository, "good", [amd64.ToPlatformManifest(), arm64.ToPlatformManifest()]);
        var verified = await new AttestationVerifier(client, null).VerifyAsync(repository, "good", [Amd64, Arm64]);
        Assert.Equal([amd64.Sbom.Manifest.Digest, arm64.Sbom.Manifest.Digest], verified.Platforms.Select(p => p.SbomDigest));
        Assert.All(verified.Platforms, p => Assert.Null(p.SignatureDigest));
    }

    [Fact]
    public async Task A_missing_tag_fails_in_one_line()
    {
        using var client = fixture.Client();

        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            new AttestationVerifier(client, null).VerifyAsync(RegistryFixture.NewRepository("absent"), "v1", [Amd64]));

        Assert.EndsWith(":v1: the tag does not exist", failure.Message);
    }

    private sealed record Attested(ContentDescriptor Manifest, Platform Platform, AttachedArtifact Sbom)
    {
        public PlatformManifest ToPlatformManifest() => new(Manifest, Platform);
    }

    private static async Task<Attested> PushAttestedAsync(RegistryClient client, string repository, string architecture)
    {
        var archive = LayeredArchive.Create(architecture,
            [new Dictionary<string, string?> { ["var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36", architecture) }]);
        var image = await new ImagePusher(client).PushAsync(new MemoryStream(archive), repository);
        var inventory = await ImageInventory.ReadAsync(new MemoryStream(archive));
        var attested = await new ImageAttestor(client, "test").AttestAsync(repository, image.Manifest, inventory, SlsaProvenanceTests.Inputs(),
            DateTimeOffset.FromUnixTimeSeconds(1790000000), signer: null);
        return new Attested(image.Manifest, image.Platform, attested.Sbom);
    }
}
