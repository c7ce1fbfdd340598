using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class ImagePusherTests(RegistryFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Pushes_an_engine_image_with_basic_auth_and_reads_the_manifest_back()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("voice");

        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.EngineArchive), repository);

        Assert.Equal(RegistryAuthScheme.Basic, client.AuthScheme);
        Assert.Equal(new Platform("linux", "amd64"), pushed.Platform);
        Assert.Equal(2, pushed.Report.BlobsUploaded); // one layer and the config
        var manifest = await client.GetManifestAsync(repository, pushed.Manifest.Digest);
        Assert.NotNull(manifest);
        Assert.Equal(pushed.Manifest, manifest.Descriptor);
        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Empty(await client.ListTagsAsync(repository)); // pushed by digest only
    }

    [Fact]
    public async Task Pushes_platforms_in_parallel_through_one_client()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("parallel");
        var pusher = new ImagePusher(client);

        var pushed = await Task.WhenAll(
            pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository),
            pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), repository));

        foreach (var image in pushed)
            Assert.NotNull(await client.HeadManifestAsync(repository, image.Manifest.Digest));
    }

    [Fact]
    public async Task Second_push_of_the_same_image_sends_no_layer_bytes()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("voice");
        var pusher = new ImagePusher(client);

        var first = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository);
        var second = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), repository);

        output.WriteLine($"first push:  {first.Report}");
        output.WriteLine($"second push: {second.Report}");
        Assert.True(first.Report.BytesSent > 0);
        Assert.Equal(0, second.Report.BytesSent);
        Assert.Equal(2, second.Report.BlobsSkipped);
        Assert.Equal(first.Manifest, second.Manifest); // deterministic compression: same digests
    }

    [Fact]
    public async Task A_layer_cache_skips_compressing_unchanged_layers_the_registry_has()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("cached");
        var cacheFile = Path.Combine(Path.GetTempPath(), $"slipway-layers-{Guid.NewGuid():N}.json");
        try
        {
            var first = await new ImagePusher(client, new ImagePushOptions { LayerCache = LayerDigestCache.Load(cacheFile) })
                .PushAsync(new MemoryStream(fixture.EngineArchive), repository);
            var cache = LayerDigestCache.Load(cacheFile); // as a later build process would
            var second = await new ImagePusher(client, new ImagePushOptions { LayerCache = cache })
                .PushAsync(new MemoryStream(fixture.EngineArchive), repository);
            var elsewhere = await new ImagePusher(client, new ImagePushOptions { LayerCache = cache })
                .PushAsync(new MemoryStream(fixture.EngineArchive), repository + "-other");

            Assert.Equal(first.Manifest, second.Manifest);
            Assert.Equal(0, second.Report.BytesSent);
            Assert.Equal(first.Manifest, elsewhere.Manifest); // a cached blob the registry lacks there is compressed and uploaded
            Assert.Equal(2, elsewhere.Report.BlobsUploaded);
        }
        finally
        {
            File.Delete(cacheFile);
        }
    }

    [Fact]
    public async Task Wrong_password_fails_with_one_line_and_publishes_nothing()
    {
        const string wrong = "wrong-password-123";
        using var client = fixture.Client(new RegistryCredentials(LocalRegistry.Username, wrong));
        var repository = RegistryFixture.NewRepository("voice");

        var error = await Assert.ThrowsAsync<SlipwayException>(
            () => new ImagePusher(client).PushAsync(new MemoryStream(fixture.EngineArchive), repository));

        output.WriteLine(error.Message);
        Assert.Equal($"registry {fixture.Registry.Address} refused push to {repository}: UNAUTHORIZED authentication required", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        using var reader = fixture.Client();
        Assert.Empty(await reader.ListTagsAsync(repository));
        var layers = await PushedLayerDigestsAsync(fixture.EngineArchive);
        foreach (var digest in layers)
            Assert.False(await reader.BlobExistsAsync(repository, digest));
    }

    [Fact]
    public async Task Mounts_blobs_from_another_repository_instead_of_uploading()
    {
        using var client = fixture.Client();
        var builder = RegistryFixture.NewRepository("builder");
        var app = RegistryFixture.NewRepository("app");
        await new ImagePusher(client).PushAsync(new MemoryStream(fixture.EngineArchive), builder);

        var pushed = await new ImagePusher(client, new ImagePushOptions { MountFrom = [builder] })
            .PushAsync(new MemoryStream(fixture.EngineArchive), app);

        output.WriteLine(pushed.Report.ToString());
        Assert.Equal(2, pushed.Report.BlobsMounted);
        Assert.Equal(0, pushed.Report.BytesSent);
        Assert.NotNull(await client.HeadManifestAsync(app, pushed.Manifest.Digest));
    }

    [Fact]
    public async Task Mount_from_a_repository_without_the_blob_falls_back_to_upload()
    {
        using var client = fixture.Client();
        var empty = RegistryFixture.NewRepository("empty");
        var app = RegistryFixture.NewRepository("app");

        var pushed = await new ImagePusher(client, new ImagePushOptions { MountFrom = [empty] })
            .PushAsync(new MemoryStream(fixture.Arm64Archive), app);

        Assert.Equal(0, pushed.Report.BlobsMounted);
        Assert.Equal(2, pushed.Report.BlobsUploaded);
        Assert.NotNull(await client.HeadManifestAsync(app, pushed.Manifest.Digest));
    }

    [Fact]
    public async Task Uploads_large_blobs_in_chunks_and_the_registry_verifies_the_digest()
    {
        var options = RegistryFixture.FastRetries with { MonolithicUploadLimit = 16 * 1024, ChunkSize = 20 * 1024 };
        using var client = fixture.Client(options: options);
        var repository = RegistryFixture.NewRepository("chunked");
        var noise = new byte[100 * 1024];
        new Random(7).NextBytes(noise); // incompressible: the gzip layer stays ~100 KiB, 5+ chunks
        var archive = SyntheticImage.Archive("amd64", null, new Dictionary<string, byte[]> { ["noise.bin"] = noise });

        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(archive), repository);

        output.WriteLine(pushed.Report.ToString());
        Assert.True(pushed.Report.BytesSent > noise.Length);
        var manifest = await client.GetManifestAsync(repository, pushed.Manifest.Digest);
        Assert.NotNull(manifest);
    }

    [Fact]
    public async Task Docker_format_pushes_a_docker_v2_manifest()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("docker");

        var pushed = await new ImagePusher(client, new ImagePushOptions { Format = ManifestFormat.Docker })
            .PushAsync(new MemoryStream(fixture.Arm64Archive), repository);

        Assert.Equal(MediaTypes.DockerManifest, pushed.Manifest.MediaType);
        Assert.Equal(new Platform("linux", "arm64", "v8"), pushed.Platform);
        Assert.Equal(MediaTypes.DockerManifest, (await client.HeadManifestAsync(repository, pushed.Manifest.Digest))?.MediaType);
    }

    private static async Task<IReadOnlyList<string>> PushedLayerDigestsAsync(byte[] archive)
    {
        // what a successful push would have uploaded: the same deterministic compression the pusher uses
        var work = Directory.CreateTempSubdirectory("slipway-digests-").FullName;
        try
        {
            using var saved = await DockerSaveArchive.ExtractAsync(new MemoryStream(archive), work, CancellationToken.None);
            var digests = new List<string> { "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(saved.Config)) };
            for (var i = 0; i < saved.Layers.Count; i++)
                digests.Add((await LayerCompressor.CompressAsync(saved.Layers[i].Path, Path.Combine(work, $"{i}.gz"), CancellationToken.None)).Digest);
            return digests;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
