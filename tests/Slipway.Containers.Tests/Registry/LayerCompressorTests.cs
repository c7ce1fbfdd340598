using System.IO.Compression;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

public sealed class LayerCompressorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("slipway-layers-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Compresses_the_same_tar_to_the_same_bytes_every_time()
    {
        var tar = Path.Combine(folder, "layer.tar");
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n"));
        await File.WriteAllBytesAsync(tar, SyntheticImage.LayerTar(new Dictionary<string, byte[]> { ["a.txt"] = System.Text.Encoding.UTF8.GetBytes(text) }));

        var first = await LayerCompressor.CompressAsync(tar, Path.Combine(folder, "1.gz"), CancellationToken.None);
        var second = await LayerCompressor.CompressAsync(tar, Path.Combine(folder, "2.gz"), CancellationToken.None);

        Assert.Equal(first.Digest, second.Digest);
        Assert.True(first.Size < new FileInfo(tar).Length);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(tar))), first.DiffId);
        var header = (await File.ReadAllBytesAsync(first.Path))[..10];
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, header[..8]); // no name, no time
        Assert.Equal(0xff, header[9]);
        await using var gzip = new GZipStream(File.OpenRead(first.Path), CompressionMode.Decompress);
        var roundTrip = new MemoryStream();
        await gzip.CopyToAsync(roundTrip);
        Assert.Equal(await File.ReadAllBytesAsync(tar), roundTrip.ToArray());
    }

    [Fact]
    public async Task Keeps_a_layer_that_is_gzip_already()
    {
        var tar = Path.Combine(folder, "layer.tar");
        await File.WriteAllBytesAsync(tar, SyntheticImage.LayerTar(new Dictionary<string, byte[]> { ["a"] = [1, 2, 3] }));
        var gz = await LayerCompressor.CompressAsync(tar, Path.Combine(folder, "once.gz"), CancellationToken.None);

        var again = await LayerCompressor.CompressAsync(gz.Path, Path.Combine(folder, "twice.gz"), CancellationToken.None);

        Assert.Equal(gz.Digest, again.Digest);
        Assert.Equal(gz.DiffId, again.DiffId);
        Assert.False(File.Exists(Path.Combine(folder, "twice.gz")));
    }
}
