using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// Writes archives in the <c>docker save</c> format (manifest.json, config, one folder per layer) for images that need
/// not run: e.g. an arm64 image whose config says so, built on an amd64 machine without an engine.
/// </summary>
internal static class SyntheticImage
{
    public static byte[] Archive(string architecture, string? variant, IReadOnlyDictionary<string, byte[]> files)
    {
        var layer = LayerTar(files);
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(layer));
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["variant"] = variant,
            ["created"] = "2024-01-01T00:00:00Z",
            ["config"] = new Dictionary<string, object> { ["Cmd"] = new[] { "/hello" } },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = new[] { diffId } },
            ["history"] = new[] { new Dictionary<string, string> { ["created_by"] = "slipway synthetic image" } },
        }.Where(p => p.Value is not null).ToDictionary());
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var layerFolder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diffId)));
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object>
            {
                ["Config"] = configName,
                ["RepoTags"] = new[] { $"synthetic:{architecture}" },
                ["Layers"] = new[] { $"{layerFolder}/layer.tar" },
            },
        });

        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(writer, $"{layerFolder}/layer.tar", layer);
            Add(writer, $"{layerFolder}/VERSION", "1.0"u8.ToArray());
            Add(writer, configName, config);
            Add(writer, "manifest.json", manifest); // last, as docker writes it
        }
        return archive.ToArray();
    }

    /// <summary>A tar with the given files, all with a fixed time and owner, so the same files give the same bytes.</summary>
    public static byte[] LayerTar(IReadOnlyDictionary<string, byte[]> files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add(writer, name, content);
        }
        return tar.ToArray();
    }

    private static void Add(TarWriter writer, string name, byte[] content)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(content),
            ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        writer.WriteEntry(entry);
    }
}
