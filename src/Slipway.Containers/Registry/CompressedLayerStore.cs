namespace Slipway.Containers.Registry;

/// <summary>
/// The gzipped layers of earlier pushes, kept by the digest of the tar inside (diff id) in a folder of the user's cache
/// (<c>~/.cache/slipway/layers</c>), so that a layer pushed before, to any registry or repository, is not compressed
/// again: the same base layers are otherwise gzipped anew for every registry, every clone, every platform. An entry is
/// named by its diff id and its own digest and is checked against that digest before use (a damaged one is removed and
/// the layer compressed again). Entries unused for <see cref="UnusedFor"/> go, and the oldest beyond <see cref="MaxBytes"/>.
/// </summary>
public sealed class CompressedLayerStore(string folder)
{
    public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(14);
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    public string Folder => folder;

    /// <summary>The store in the user's cache folder (<c>XDG_CACHE_HOME</c>, else <c>HOME/.cache</c>); none without either.</summary>
    public static CompressedLayerStore? ForUser(IReadOnlyDictionary<string, string> environment)
    {
        var cache = environment.GetValueOrDefault("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return cache is null ? null : new CompressedLayerStore(Path.Combine(cache, "slipway", "layers"));
    }

    internal async Task<CompressedLayer?> FindAsync(string diffId, CancellationToken cancellationToken)
    {
        foreach (var path in Entries(diffId))
        {
            try
            {
                var digest = await ContentDigest.OfFileAsync(path, cancellationToken);
                if (digest == DigestIn(path))
                {
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                    return new CompressedLayer(path, digest, new FileInfo(path).Length, diffId);
                }
                File.Delete(path);
            }
            catch (IOException)
            {
                // removed or replaced by another push meanwhile: compressed again
            }
        }
        return null;
    }

    /// <summary>Moves <paramref name="layer"/>'s file into the store and returns it there; on a failure to store it,
    /// the layer as it was.</summary>
    internal CompressedLayer Keep(CompressedLayer layer)
    {
        var path = Path.Combine(folder, $"{Hex(layer.DiffId)}.{Hex(layer.Digest)}.gz");
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            File.Move(layer.Path, temporary);
            File.Move(temporary, path, overwrite: true);
            Evict();
            return layer with { Path = path };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Move(temporary, layer.Path, overwrite: true);
            return layer;
        }
    }

    private void Evict()
    {
        var entries = new DirectoryInfo(folder).GetFiles("*.gz").OrderByDescending(file => file.LastWriteTimeUtc).ToArray();
        long kept = 0;
        foreach (var entry in entries)
        {
            kept += entry.Length;
            if (kept > MaxBytes || DateTime.UtcNow - entry.LastWriteTimeUtc > UnusedFor)
                entry.Delete();
        }
        foreach (var abandoned in new DirectoryInfo(folder).GetFiles("*.tmp").Where(file => DateTime.UtcNow - file.LastWriteTimeUtc > TimeSpan.FromDays(1)))
            abandoned.Delete(); // a push that ended between its two moves
    }

    private IEnumerable<string> Entries(string diffId) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, Hex(diffId) + ".*.gz") : [];

    private static string DigestIn(string path) => "sha256:" + Path.GetFileNameWithoutExtension(path).Split('.')[1];

    private static string Hex(string digest) => digest.StartsWith("sha256:", StringComparison.Ordinal)
        ? digest["sha256:".Length..]
        : throw new SlipwayException($"unexpected digest {digest}: only sha256 is supported");
}
