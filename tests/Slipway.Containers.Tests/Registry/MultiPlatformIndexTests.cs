using System.Text.Json;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class MultiPlatformIndexTests(RegistryFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Index_of_two_platforms_reads_back_with_skopeo()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("voice");
        var pusher = new ImagePusher(client);
        var amd64 = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var arm64 = await pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), repository);

        var index = await new MultiPlatformIndex(client).WriteAsync(repository, "latest", [amd64.ToPlatformManifest(), arm64.ToPlatformManifest()]);

        using var raw = await Skopeo.InspectRawAsync(fixture.Registry.Address, repository, "latest", LocalRegistry.Username, LocalRegistry.Password);
        output.WriteLine(raw.RootElement.ToString());
        Assert.Equal(MediaTypes.OciIndex, raw.RootElement.GetProperty("mediaType").GetString());
        var children = raw.RootElement.GetProperty("manifests").EnumerateArray()
            .ToDictionary(m => Platform(m), m => m.GetProperty("digest").GetString());
        Assert.Equal(2, children.Count);
        Assert.Equal(amd64.Manifest.Digest, children["linux/amd64"]);
        Assert.Equal(arm64.Manifest.Digest, children["linux/arm64/v8"]);
        Assert.Equal(index.Digest, (await client.HeadManifestAsync(repository, "latest"))?.Digest);
        Assert.Equal(["latest"], await client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task Docker_children_get_a_docker_manifest_list_under_every_tag()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("voice");
        var pusher = new ImagePusher(client, new ImagePushOptions { Format = ManifestFormat.Docker });
        var amd64 = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var arm64 = await pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), repository);

        var index = await new MultiPlatformIndex(client).WriteAsync(
            repository, ["1.2.3", "1.2", "sha-abcdef1"], [arm64.ToPlatformManifest(), amd64.ToPlatformManifest()]);

        Assert.Equal(MediaTypes.DockerManifestList, index.MediaType);
        using var raw = await Skopeo.InspectRawAsync(fixture.Registry.Address, repository, "1.2", LocalRegistry.Username, LocalRegistry.Password);
        Assert.Equal(MediaTypes.DockerManifestList, raw.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(["1.2", "1.2.3", "sha-abcdef1"], (await client.ListTagsAsync(repository)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Refuses_an_index_over_a_missing_manifest_and_moves_no_tag()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("voice");
        var amd64 = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var previous = await new MultiPlatformIndex(client).WriteAsync(repository, "latest", [amd64.ToPlatformManifest()]);
        var missing = new PlatformManifest(
            new ContentDescriptor(MediaTypes.OciManifest, "sha256:" + new string('a', 64), 123), new Platform("linux", "arm64"));

        var error = await Assert.ThrowsAsync<SlipwayException>(
            () => new MultiPlatformIndex(client).WriteAsync(repository, "latest", [amd64.ToPlatformManifest(), missing]));

        output.WriteLine(error.Message);
        Assert.Contains("linux/arm64 manifest sha256:aaaa", error.Message);
        Assert.Contains("is not in the registry", error.Message);
        Assert.Equal(previous.Digest, (await client.HeadManifestAsync(repository, "latest"))?.Digest);
    }

    private static string Platform(JsonElement manifest)
    {
        var platform = manifest.GetProperty("platform");
        var text = $"{platform.GetProperty("os").GetString()}/{platform.GetProperty("architecture").GetString()}";
        return platform.TryGetProperty("variant", out var variant) ? $"{text}/{variant.GetString()}" : text;
    }
}
