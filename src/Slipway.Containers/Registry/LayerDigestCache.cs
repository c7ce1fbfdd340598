using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// Remembers which compressed blob (digest, size) holds which uncompressed layer (diff id), in a JSON file, the way
/// the Docker engine does: a later push of an unchanged layer that the registry already has skips the compression
/// that would only have told it the digest. Entries are hints, checked against the registry before use.
/// </summary>
public sealed class LayerDigestCache
{
    private readonly string? path;
    private readonly Dictionary<string, ContentDescriptor> entries;

    private LayerDigestCache(string? path, Dictionary<string, ContentDescriptor> entries)
    {
        this.path = path;
        this.entries = entries;
    }

    /// <summary>A cache kept only in memory, for one process.</summary>
    public static LayerDigestCache InMemory() => new(null, new Dictionary<string, ContentDescriptor>(StringComparer.Ordinal));

    /// <summary>Reads the cache file if there is one; an unreadable file counts as empty (it holds only hints).</summary>
    public static LayerDigestCache Load(string path)
    {
        try
        {
            if (File.Exists(path)
                && JsonSerializer.Deserialize<Dictionary<string, ContentDescriptor>>(File.ReadAllBytes(path)) is { } stored)
                return new LayerDigestCache(path, new Dictionary<string, ContentDescriptor>(stored, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            // a damaged cache is rebuilt by the next push
        }
        return new LayerDigestCache(path, new Dictionary<string, ContentDescriptor>(StringComparer.Ordinal));
    }

    public ContentDescriptor? Find(string diffId)
    {
        lock (entries)
            return entries.GetValueOrDefault(diffId);
    }

    public void Remember(string diffId, ContentDescriptor blob)
    {
        lock (entries)
            entries[diffId] = blob;
    }

    /// <summary>Writes the cache file (atomically: a temporary file, then a rename); nothing for an in-memory cache.</summary>
    public void Save()
    {
        if (path is null)
            return;
        byte[] content;
        lock (entries)
            content = JsonSerializer.SerializeToUtf8Bytes(entries, new JsonSerializerOptions { WriteIndented = true });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
