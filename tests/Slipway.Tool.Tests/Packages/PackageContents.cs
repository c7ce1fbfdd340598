using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Slipway.Tool.Tests.Packages;

/// <summary>A listing of a .nupkg: every entry with its size class, and the resources embedded in each assembly.</summary>
internal static class PackageContents
{
    public static string List(string package, string version)
    {
        using var zip = ZipFile.OpenRead(package);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.OrderBy(entry => entry.FullName, StringComparer.Ordinal))
        {
            text.Append(entry.FullName.Replace(version, "<version>")).Append('\n');
            if (entry.FullName.EndsWith(".dll", StringComparison.Ordinal))
                foreach (var resource in Resources(entry))
                    text.Append("    resource ").Append(resource).Append('\n');
        }
        return text.ToString();
    }

    public static string Read(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<DateTimeOffset> Timestamps(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(entry => entry.LastWriteTime).ToArray();
    }

    private static IEnumerable<string> Resources(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(bytes);
        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources
            .Select(handle => metadata.GetString(metadata.GetManifestResource(handle).Name))
            .Where(name => !name.EndsWith(".resources", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
