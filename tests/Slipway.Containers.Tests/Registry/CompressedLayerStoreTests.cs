using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Support;
using Slipway.Output.Progress;

namespace Slipway.Containers.Tests.Registry;

/// <summary>Layers gzipped by one push are kept by diff id and reused by the next, whatever the repository or registry.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CompressedLayerStoreTests(RegistryFixture fixture) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("slipway-layer-store-").FullName;

    [Fact]
    public async Task A_layer_pushed_before_is_not_compressed_again_for_another_repository_and_the_blob_is_the_same()
    {
        using var client = fixture.Client();
        var store = new CompressedLayerStore(folder);

        var first = await PushAsync(client, store, "stored");
        var again = new RecordingProgress();
        var second = await PushAsync(client, store, "stored-elsewhere", again);

        Assert.Equal(first.Manifest, second.Manifest);
        Assert.Equal(2, second.Report.BlobsUploaded); // the repository lacked them: uploaded from the store
        Assert.DoesNotContain(again.Events.OfType<PushPreparing>(), e => e.Phase.StartsWith("compressing", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(folder, "*.gz"));
    }

    [Fact]
    public async Task A_damaged_entry_is_removed_and_the_layer_compressed_again()
    {
        using var client = fixture.Client();
        var store = new CompressedLayerStore(folder);
        var first = await PushAsync(client, store, "damaged");
        var entry = Assert.Single(Directory.GetFiles(folder, "*.gz"));
        await using (var damage = File.OpenWrite(entry))
            damage.Write("not gzip"u8);

        var again = new RecordingProgress();
        var second = await PushAsync(client, store, "damaged-elsewhere", again);

        Assert.Equal(first.Manifest, second.Manifest);
        Assert.Contains(again.Events.OfType<PushPreparing>(), e => e.Phase.StartsWith("compressing", StringComparison.Ordinal));
        Assert.Equal(await ContentDigestOfAsync(entry), "sha256:" + Path.GetFileName(entry).Split('.')[1]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<PushedImage> PushAsync(RegistryClient client, CompressedLayerStore store, string prefix, IProgressReporter? progress = null) =>
        new ImagePusher(client, new ImagePushOptions { LayerStore = store }, progress, "layer")
            .PushAsync(new MemoryStream(fixture.EngineArchive), RegistryFixture.NewRepository(prefix));

    private static async Task<string> ContentDigestOfAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
    }
}
