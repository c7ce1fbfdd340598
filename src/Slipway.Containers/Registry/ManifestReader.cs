using System.Text.Json;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Registry;

/// <summary>Reads the parts of stored manifests and indexes that Slipway follows: an index's platform entries and an
/// image manifest's config digest.</summary>
internal static class ManifestReader
{
    /// <summary>The entries of an index that name a platform (attestations and other entries are passed over).</summary>
    public static IReadOnlyList<PlatformManifest> PlatformChildren(byte[] index)
    {
        using var document = JsonDocument.Parse(index);
        var children = new List<PlatformManifest>();
        if (!document.RootElement.TryGetProperty("manifests", out var manifests))
            return children;
        foreach (var child in manifests.EnumerateArray())
        {
            if (!child.TryGetProperty("platform", out var platform))
                continue;
            var descriptor = new ContentDescriptor(
                child.GetProperty("mediaType").GetString() ?? "", child.GetProperty("digest").GetString() ?? "", child.GetProperty("size").GetInt64());
            var variant = platform.TryGetProperty("variant", out var v) ? v.GetString() : null;
            children.Add(new PlatformManifest(descriptor, new Platform(
                platform.GetProperty("os").GetString() ?? "", platform.GetProperty("architecture").GetString() ?? "", variant)));
        }
        return children;
    }

    public static string? ConfigDigest(byte[] manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        return document.RootElement.TryGetProperty("config", out var config) && config.TryGetProperty("digest", out var digest)
            ? digest.GetString()
            : null;
    }
}
