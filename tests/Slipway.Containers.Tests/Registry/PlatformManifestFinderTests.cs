using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class PlatformManifestFinderTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Finds_each_platform_through_an_index_and_nothing_for_a_missing_one()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("builder");
        var pusher = new ImagePusher(client);
        var amd64 = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var arm64 = await pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        await new MultiPlatformIndex(client).WriteAsync(repository, "deps-0123456789ab", [amd64.ToPlatformManifest(), arm64.ToPlatformManifest()]);
        var finder = new PlatformManifestFinder(client);

        Assert.Equal(arm64.Manifest.Digest, (await finder.FindAsync(repository, "deps-0123456789ab", Platform.Parse("linux/arm64")))?.Manifest.Digest);
        Assert.Equal(amd64.Manifest.Digest, (await finder.FindAsync(repository, "deps-0123456789ab", Platform.Parse("linux/amd64")))?.Manifest.Digest);
        Assert.Null(await finder.FindAsync(repository, "deps-0123456789ab", Platform.Parse("linux/riscv64")));
        Assert.Null(await finder.FindAsync(repository, "deps-ffffffffffff", Platform.Parse("linux/amd64")));
    }

    [Fact]
    public async Task Reads_the_platform_of_a_single_manifest_from_its_config()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("builder");
        var arm64 = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        var manifest = await client.GetManifestAsync(repository, arm64.Manifest.Digest);
        await client.PutManifestAsync(repository, "single", manifest!.Content, manifest.MediaType);
        var finder = new PlatformManifestFinder(client);

        var found = await finder.FindAsync(repository, "single", Platform.Parse("linux/arm64/v8"));

        Assert.Equal(arm64.ToPlatformManifest(), found);
        Assert.Null(await finder.FindAsync(repository, "single", Platform.Parse("linux/amd64")));
    }
}
