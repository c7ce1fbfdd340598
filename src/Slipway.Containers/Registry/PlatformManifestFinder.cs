using System.Text.Json;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Registry;

/// <summary>
/// Answers "does the registry have this image for this platform?" (e.g. <c>builder:deps-&lt;hash12&gt;</c> for
/// linux/arm64): through the index when the reference names one (checking that the child is there), else through
/// the config of the single image manifest.
/// </summary>
public sealed class PlatformManifestFinder(RegistryClient client)
{
    public async Task<PlatformManifest?> FindAsync(string repository, string reference, Platform platform, CancellationToken cancellationToken = default)
    {
        var manifest = await client.GetManifestAsync(repository, reference, cancellationToken);
        if (manifest is null)
            return null;
        if (MediaTypes.IsIndex(manifest.MediaType))
        {
            var child = ManifestReader.PlatformChildren(manifest.Content).FirstOrDefault(c => Matches(platform, c.Platform));
            return child is not null && await client.HeadManifestAsync(repository, child.Manifest.Digest, cancellationToken) is not null
                ? child
                : null;
        }
        if (!MediaTypes.IsImageManifest(manifest.MediaType))
            return null;
        var configDigest = ManifestReader.ConfigDigest(manifest.Content);
        var config = configDigest is null ? null : await client.GetBlobAsync(repository, configDigest, cancellationToken: cancellationToken);
        if (config is null)
            return null;
        var actual = ImageConfig.Read(config).Platform;
        return Matches(platform, actual) ? new PlatformManifest(manifest.Descriptor, actual) : null;
    }

    /// <summary>Same os and architecture; the variant counts when asked for (arm64 without a variant is v8).</summary>
    public static bool Matches(Platform wanted, Platform candidate)
    {
        if (wanted.Os != candidate.Os || wanted.Architecture != candidate.Architecture)
            return false;
        if (wanted.Variant is null || wanted.Variant == candidate.Variant)
            return true;
        return wanted.Architecture == "arm64" && (wanted.Variant ?? "v8") == (candidate.Variant ?? "v8");
    }
}
