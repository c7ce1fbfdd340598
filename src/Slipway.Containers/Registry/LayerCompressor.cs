using System.IO.Compression;
using System.Security.Cryptography;

namespace Slipway.Containers.Registry;

/// <summary>
/// Gzips layer tars deterministically: the same tar gives the same bytes, and so the same digest, on every push
/// with the same runtime (zlib-ng in .NET, fixed level, gzip header without time or name, OS byte set to 'unknown').
/// A layer that is gzip already is used as it is.
/// </summary>
internal static class LayerCompressor
{
    private const int OsByteOffset = 9;
    private const byte UnknownOs = 0xff;

    /// <summary><paramref name="read"/> hears how many bytes of the tar were compressed so far, after each buffer.</summary>
    public static async Task<CompressedLayer> CompressAsync(
        string layerTar, string target, CancellationToken cancellationToken, Action<long>? read = null)
    {
        if (await IsGzipAsync(layerTar, cancellationToken))
            return new CompressedLayer(layerTar, await ContentDigest.OfFileAsync(layerTar, cancellationToken),
                new FileInfo(layerTar).Length, await DiffIdOfGzipAsync(layerTar, cancellationToken));

        using var diffId = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var output = new FileStream(target, FileMode.Create, FileAccess.ReadWrite))
        {
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            await using (var input = File.OpenRead(layerTar))
            {
                var buffer = new byte[256 * 1024];
                int count;
                long total = 0;
                while ((count = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    diffId.AppendData(buffer, 0, count);
                    await gzip.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                    read?.Invoke(total += count);
                }
            }
            output.Position = OsByteOffset;
            output.WriteByte(UnknownOs);
        }
        return new CompressedLayer(target, await ContentDigest.OfFileAsync(target, cancellationToken),
            new FileInfo(target).Length, ContentDigest.Format(diffId.GetHashAndReset()));
    }

    public static async Task<bool> IsGzipAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var magic = new byte[2];
        return await stream.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken) == 2
            && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static async Task<string> DiffIdOfGzipAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return ContentDigest.Format(await SHA256.HashDataAsync(gzip, cancellationToken));
    }
}
