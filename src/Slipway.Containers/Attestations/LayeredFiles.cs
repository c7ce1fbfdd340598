using System.Formats.Tar;
using System.IO.Compression;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Reads chosen small files out of an image's layer tars (plain or gzip) as the container would see them: layers
/// apply in order, a later file replaces an earlier one, a whiteout (<c>.wh.&lt;name&gt;</c>) deletes the path and
/// everything under it from the layers below, and an opaque marker (<c>.wh..wh..opq</c>) empties its folder of them.
/// </summary>
internal static class LayeredFiles
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";
    private const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The files whose path (relative, '/' separated, no leading '/') <paramref name="wanted"/> picks.</summary>
    public static async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(
        IEnumerable<string> layerFiles, Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var layer in layerFiles)
        {
            var changes = await ReadLayerAsync(layer, wanted, cancellationToken);
            foreach (var deleted in changes.Deleted)
                Remove(files, deleted, keepSelf: false);
            foreach (var folder in changes.Opaque)
                Remove(files, folder, keepSelf: true);
            foreach (var (path, content) in changes.Added)
            {
                Remove(files, path, keepSelf: true); // a file that replaces a folder hides what was in it
                files[path] = content;
            }
        }
        return files;
    }

    private sealed record LayerChanges(List<string> Deleted, List<string> Opaque, Dictionary<string, byte[]> Added);

    private static async Task<LayerChanges> ReadLayerAsync(string layer, Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        var changes = new LayerChanges([], [], new Dictionary<string, byte[]>(StringComparer.Ordinal));
        await using var file = File.OpenRead(layer);
        await using var input = await IsGzipAsync(file, cancellationToken) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        await using var reader = new TarReader(input);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var path = Normalize(entry.Name);
            if (path.Length == 0)
                continue;
            var slash = path.LastIndexOf('/');
            var folder = slash < 0 ? "" : path[..slash];
            var name = path[(slash + 1)..];
            if (name == OpaqueMarker)
                changes.Opaque.Add(folder);
            else if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
                changes.Deleted.Add(folder.Length == 0 ? name[WhiteoutPrefix.Length..] : $"{folder}/{name[WhiteoutPrefix.Length..]}");
            else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && wanted(path) && entry.DataStream is { } data)
            {
                if (entry.Length > MaxFileBytes)
                    throw new SlipwayException($"the image file /{path} is larger than {MaxFileBytes} bytes");
                using var buffer = new MemoryStream();
                await data.CopyToAsync(buffer, cancellationToken);
                changes.Added[path] = buffer.ToArray();
            }
            else if (changes.Added.ContainsKey(path))
                changes.Added.Remove(path); // a later entry of the same layer (a link, a folder) replaced the file
        }
        return changes;
    }

    private static void Remove(Dictionary<string, byte[]> files, string path, bool keepSelf)
    {
        var prefix = path.Length == 0 ? "" : path + "/";
        foreach (var key in files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) || (!keepSelf && k == path)).ToList())
            files.Remove(key);
    }

    private static async Task<bool> IsGzipAsync(FileStream file, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>"./opt/venv/" → "opt/venv"; ".." parts are dropped rather than followed.</summary>
    private static string Normalize(string name) =>
        string.Join('/', name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p is not "." and not ".."));
}
