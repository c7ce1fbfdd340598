using System.Diagnostics;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Support;

/// <summary>
/// Tiny local base images for tests, since no registry is reachable: Debian's static busybox for one architecture,
/// loaded as a one-layer image whose config names that architecture (<c>docker import</c> would label it amd64).
/// Made once per engine and kept by tag.
/// </summary>
internal static class BusyboxImages
{
    private static readonly string[] Applets =
        ["sh", "echo", "cat", "ls", "true", "false", "id", "uname", "sleep", "env", "head", "tail", "mkdir", "rm", "cp",
         "chmod", "grep", "sed", "wc", "printf", "test", "touch", "tr", "find", "whoami", "od"];

    public static string Tag(string architecture) => $"slipway-test/busybox:{architecture}";

    public static string CacheFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "slipway", "test-fixtures");

    /// <summary>The static busybox binary for a Debian architecture (amd64, arm64), fetched once into <see cref="CacheFolder"/>.</summary>
    public static string Binary(string architecture)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fetch-busybox.sh");
        var start = new ProcessStartInfo("bash", [script, architecture, CacheFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"fetching busybox-static:{architecture} failed:\n{errors.Result}");
        return output.Trim();
    }

    public static async Task<string> EnsureAsync(ContainerEngine engine, string architecture)
    {
        var tag = Tag(architecture);
        if (!await engine.ImageExistsAsync(tag))
            await engine.LoadImagesAsync(new MemoryStream(DockerArchive(tag, architecture, Binary(architecture))));
        return tag;
    }

    private static byte[] DockerArchive(string tag, string architecture, string busybox)
    {
        var layer = Layer(busybox);
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(layer));
        var config = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["config"] = new Dictionary<string, object> { ["Cmd"] = new[] { "/bin/sh" }, ["Env"] = new[] { "PATH=/bin" } },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = new[] { diffId } },
        });
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            new Dictionary<string, object> { ["Config"] = "config.json", ["RepoTags"] = new[] { tag }, ["Layers"] = new[] { "layer.tar" } },
        });
        var archive = new MemoryStream();
        using (var tar = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            AddFile(tar, "manifest.json", manifest, 0b110_100_100);
            AddFile(tar, "config.json", config, 0b110_100_100);
            AddFile(tar, "layer.tar", layer, 0b110_100_100);
        }
        return archive.ToArray();
    }

    private static byte[] Layer(string busybox)
    {
        var layer = new MemoryStream();
        using (var tar = new TarWriter(layer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            AddFolder(tar, "bin/", 0b111_101_101);
            AddFile(tar, "bin/busybox", File.ReadAllBytes(busybox), 0b111_101_101);
            foreach (var applet in Applets)
                tar.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = (UnixFileMode)0b111_111_111 });
            AddFolder(tar, "etc/", 0b111_101_101);
            AddFile(tar, "etc/passwd", Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n"), 0b110_100_100);
            AddFile(tar, "etc/group", Encoding.ASCII.GetBytes("root:x:0:\nnogroup:x:65534:\n"), 0b110_100_100);
            AddFolder(tar, "root/", 0b111_000_000);
            AddFolder(tar, "tmp/", (int)(UnixFileMode.StickyBit | (UnixFileMode)0b111_111_111));
        }
        return layer.ToArray();
    }

    private static void AddFolder(TarWriter tar, string name, int mode) =>
        tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)mode, ModificationTime = Epoch });

    private static void AddFile(TarWriter tar, string name, byte[] content, int mode) =>
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)mode,
            ModificationTime = Epoch,
            DataStream = new MemoryStream(content),
        });

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
