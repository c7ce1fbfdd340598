using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>A <c>docker save</c> archive of several layers written by the test itself: regular files, whiteouts
/// (<c>.wh.name</c>) and opaque markers, each layer plain or gzip.</summary>
internal static class LayeredArchive
{
    /// <summary>One layer: path → content; a null content writes an empty entry (what whiteouts are).</summary>
    public static byte[] Create(string architecture, IReadOnlyList<IReadOnlyDictionary<string, string?>> layers, bool gzip = false)
    {
        var tars = layers.Select(Tar).ToList();
        var diffIds = tars.Select(t => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(t))).ToList();
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = diffIds },
        });
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var names = diffIds.Select((d, i) => $"{d[7..19]}{i}/layer.tar").ToList();
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object> { ["Config"] = configName, ["RepoTags"] = Array.Empty<string>(), ["Layers"] = names },
        });
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            for (var i = 0; i < tars.Count; i++)
                Add(writer, names[i], gzip ? Gzip(tars[i]) : tars[i]);
            Add(writer, configName, config);
            Add(writer, "manifest.json", manifest);
        }
        return archive.ToArray();
    }

    private static byte[] Tar(IReadOnlyDictionary<string, string?> files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
                Add(writer, name, Encoding.UTF8.GetBytes(content ?? ""));
        }
        return tar.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    private static void Add(TarWriter writer, string name, byte[] content) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(content),
            ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
}
