using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// A <c>docker save</c> archive unpacked into a private temporary folder: the config bytes and the layer tars of its
/// one image, in order. Reads the stream once, front to back (the engine streams it; manifest.json comes last).
/// Layer entries that are symbolic links (docker saves a repeated layer once) are followed inside the archive only.
/// </summary>
internal sealed class DockerSaveArchive : IDisposable
{
    private DockerSaveArchive(string directory, byte[] config, IReadOnlyList<ArchivedLayer> layers)
    {
        Directory = directory;
        Config = config;
        Layers = layers;
    }

    public string Directory { get; }

    public byte[] Config { get; }

    /// <summary>The layer files in order, with the sha256 of their bytes as unpacked (the diff id of an uncompressed layer).</summary>
    public IReadOnlyList<ArchivedLayer> Layers { get; }

    public static async Task<DockerSaveArchive> ExtractAsync(Stream archive, string workRoot, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workRoot, "slipway-push-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            var digests = new Dictionary<string, string>(StringComparer.Ordinal);
            var links = await UnpackAsync(archive, directory, digests, cancellationToken);
            var manifestPath = Locate(directory, links, "manifest.json")
                ?? throw new SlipwayException("the image archive has no manifest.json: is it the output of 'docker save'?");
            using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(manifestPath, cancellationToken));
            var images = manifest.RootElement;
            if (images.ValueKind != JsonValueKind.Array || images.GetArrayLength() != 1)
                throw new SlipwayException(
                    $"the image archive holds {(images.ValueKind == JsonValueKind.Array ? images.GetArrayLength() : 0)} images; export exactly one");
            var image = images[0];
            var configName = image.GetProperty("Config").GetString() ?? "";
            var config = await File.ReadAllBytesAsync(Require(directory, links, configName), cancellationToken);
            var layers = image.GetProperty("Layers").EnumerateArray()
                .Select(l => Require(directory, links, l.GetString() ?? ""))
                .Select(path => new ArchivedLayer(path, digests.GetValueOrDefault(path) ?? ""))
                .ToList();
            return new DockerSaveArchive(directory, config, layers);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task<Dictionary<string, string>> UnpackAsync(
        Stream archive, string directory, Dictionary<string, string> digests, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var name = Normalize(entry.Name);
            if (name is null)
                throw new SlipwayException($"the image archive has an entry outside itself: '{entry.Name}'");
            switch (entry.EntryType)
            {
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    var path = Path.Combine(directory, name);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await using (var file = File.Create(path))
                    {
                        if (entry.DataStream is { } data)
                            digests[path] = await CopyHashedAsync(data, file, cancellationToken);
                    }
                    break;
                case TarEntryType.SymbolicLink:
                    links[name] = Normalize(Path.Combine(Path.GetDirectoryName(name) ?? "", entry.LinkName)) ?? "";
                    break;
                case TarEntryType.HardLink:
                    links[name] = Normalize(entry.LinkName) ?? "";
                    break;
            }
        }
        return links;
    }

    private static async Task<string> CopyHashedAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return ContentDigest.Format(sha256.GetHashAndReset());
    }

    private static string Require(string directory, Dictionary<string, string> links, string name) =>
        Locate(directory, links, name) ?? throw new SlipwayException($"the image archive lacks '{name}' that its manifest.json names");

    private static string? Locate(string directory, Dictionary<string, string> links, string name)
    {
        var current = Normalize(name);
        for (var hops = 0; current is not null && hops < 16; hops++)
        {
            var path = Path.Combine(directory, current);
            if (File.Exists(path))
                return path;
            current = links.GetValueOrDefault(current);
        }
        return null;
    }

    /// <summary>A relative path inside the archive with '/' separators, or null when it would leave the archive.</summary>
    private static string? Normalize(string name)
    {
        var parts = new Stack<string>();
        foreach (var part in name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.Pop();
            }
            else
                parts.Push(part);
        }
        return parts.Count == 0 || name.StartsWith('/') ? null : string.Join('/', parts.Reverse());
    }
}
