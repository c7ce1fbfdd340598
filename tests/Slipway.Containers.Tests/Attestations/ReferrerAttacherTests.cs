using System.Text;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Attestations;

[Collection(RegistryCollection.Name)]
public sealed class ReferrerAttacherTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Without_a_referrers_API_the_referrers_tag_lists_every_artifact_and_keeps_what_it_had()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("referrers");
        var image = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var attacher = new ReferrerAttacher(client);
        Assert.Null(await client.GetReferrersFromApiAsync(repository, image.Manifest.Digest)); // docker-registry 2.8 has none

        var sbom = await attacher.AttachAsync(repository, image.Manifest, "application/vnd.cyclonedx+json", "{\"bomFormat\":\"CycloneDX\"}"u8.ToArray(),
            new Dictionary<string, string> { ["org.opencontainers.image.created"] = "2026-01-01T00:00:00Z" });
        var other = await attacher.AttachAsync(repository, image.Manifest, "application/vnd.example+json", "{}"u8.ToArray());
        var again = await attacher.AttachAsync(repository, image.Manifest, "application/vnd.cyclonedx+json", "{\"bomFormat\":\"CycloneDX\"}"u8.ToArray(),
            new Dictionary<string, string> { ["org.opencontainers.image.created"] = "2026-01-01T00:00:00Z" });

        Assert.Equal(ReferrersStore.Tag, sbom.Store);
        Assert.Equal(sbom.Manifest, again.Manifest);
        Assert.True(again.BytesSent < sbom.BytesSent, "attaching the same artifact again writes only its manifest");
        var referrers = await client.GetReferrersAsync(repository, image.Manifest.Digest);
        Assert.Equal([sbom.Manifest.Digest, other.Manifest.Digest], referrers.Select(r => r.Manifest.Digest));
        Assert.Equal("2026-01-01T00:00:00Z", referrers[0].Annotations["org.opencontainers.image.created"]);
        Assert.Single(await client.GetReferrersAsync(repository, image.Manifest.Digest, "application/vnd.example+json"));

        using var artifact = JsonDocumentOf(await client.GetManifestAsync(repository, sbom.Manifest.Digest));
        Assert.Equal("application/vnd.cyclonedx+json", artifact.RootElement.GetProperty("artifactType").GetString());
        Assert.Equal(image.Manifest.Digest, artifact.RootElement.GetProperty("subject").GetProperty("digest").GetString());
        Assert.Equal(ArtifactMediaTypes.Empty, artifact.RootElement.GetProperty("config").GetProperty("mediaType").GetString());
        Assert.Equal(image.Manifest, (await client.GetManifestAsync(repository, image.Manifest.Digest))!.Descriptor);
        Assert.Equal([ReferrersIndex.TagFor(image.Manifest.Digest)], await client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task An_entry_another_tool_wrote_into_the_referrers_tag_is_kept()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("foreign");
        var image = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        var foreign = await new ReferrerAttacher(client).AttachAsync(repository, image.Manifest, "application/vnd.example.sig", "sig"u8.ToArray());
        var tag = ReferrersIndex.TagFor(image.Manifest.Digest);
        var written = Encoding.UTF8.GetString((await client.GetManifestAsync(repository, tag))!.Content)
            .Replace("\"artifactType\":\"application/vnd.example.sig\"", "\"artifactType\":\"application/vnd.example.sig\",\"x-extra\":true");
        await client.PutManifestAsync(repository, tag, Encoding.UTF8.GetBytes(written), MediaTypes.OciIndex);

        await new ReferrerAttacher(client).AttachAsync(repository, image.Manifest, "application/vnd.in-toto+json", "{}"u8.ToArray());

        var index = Encoding.UTF8.GetString((await client.GetManifestAsync(repository, tag))!.Content);
        Assert.Contains("\"x-extra\":true", index);
        Assert.Equal(2, (await client.GetReferrersAsync(repository, image.Manifest.Digest)).Count);
        Assert.Contains(foreign.Manifest.Digest, index);
    }

    private static System.Text.Json.JsonDocument JsonDocumentOf(RegistryManifest? manifest) => System.Text.Json.JsonDocument.Parse(manifest!.Content);
}
