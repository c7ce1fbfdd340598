namespace Slipway.Containers.Registry;

/// <summary>The image configs behind a tag or digest: the one of an image manifest, or those of every platform of an index.</summary>
internal sealed class ImageConfigReader(RegistryClient client)
{
    public async Task<IReadOnlyList<ImageConfig>> ReadAsync(string repository, string reference, CancellationToken cancellation)
    {
        var manifest = await client.GetManifestAsync(repository, reference, cancellation);
        if (manifest is null)
            return [];
        if (MediaTypes.IsIndex(manifest.MediaType))
        {
            var configs = new List<ImageConfig>();
            foreach (var child in ManifestReader.PlatformChildren(manifest.Content))
                configs.AddRange(await ReadAsync(repository, child.Manifest.Digest, cancellation));
            return configs;
        }
        if (!MediaTypes.IsImageManifest(manifest.MediaType) || ManifestReader.ConfigDigest(manifest.Content) is not { } digest)
            return [];
        return await client.GetBlobAsync(repository, digest, cancellationToken: cancellation) is { } blob ? [ImageConfig.Read(blob)] : [];
    }
}
