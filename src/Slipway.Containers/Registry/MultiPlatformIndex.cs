namespace Slipway.Containers.Registry;

/// <summary>
/// Writes one multi-platform index over per-platform manifests that are already in the repository: an OCI image
/// index, or a Docker manifest list when every child is a Docker v2 manifest. Before any tag moves it checks, by
/// digest, that every child is in the registry with the recorded size and type, so an index never points at a
/// missing manifest; when a check fails no tag is written.
/// </summary>
public sealed class MultiPlatformIndex(RegistryClient client)
{
    public Task<ContentDescriptor> WriteAsync(
        string repository, string tag, IReadOnlyList<PlatformManifest> platforms, CancellationToken cancellationToken = default) =>
        WriteAsync(repository, [tag], platforms, cancellationToken);

    /// <summary>Verifies the children once, then puts the same index under every tag; returns the index's descriptor.</summary>
    public async Task<ContentDescriptor> WriteAsync(
        string repository, IReadOnlyList<string> tags, IReadOnlyList<PlatformManifest> platforms, CancellationToken cancellationToken = default)
    {
        if (tags.Count == 0)
            throw new ArgumentException("at least one tag is needed", nameof(tags));
        foreach (var tag in tags)
        {
            if (ReferenceGrammar.CheckTag(tag) is { } problem)
                throw new SlipwayException($"cannot write the index of {client.Registry}/{repository}: {problem}");
        }
        var index = Compose(platforms);
        var what = $"the index of {client.Registry}/{repository}:{string.Join(",", tags)}";
        foreach (var child in platforms)
            await VerifyAsync(repository, child, what, cancellationToken);

        foreach (var tag in tags)
            await client.PutManifestAsync(repository, tag, index.Content, index.MediaType, cancellationToken);
        return index.Descriptor;
    }

    /// <summary>The index document for the children, sorted by platform so that the digest does not depend on their order.</summary>
    public static RegistryManifest Compose(IReadOnlyList<PlatformManifest> platforms)
    {
        if (platforms.Count == 0)
            throw new SlipwayException("a multi-platform index needs at least one platform manifest");
        foreach (var child in platforms)
        {
            if (!MediaTypes.IsImageManifest(child.Manifest.MediaType))
                throw new SlipwayException(
                    $"the {child.Platform} child {child.Manifest.Digest} is a '{child.Manifest.MediaType}', not an image manifest");
        }
        var duplicate = platforms.GroupBy(p => p.Platform).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SlipwayException($"platform {duplicate.Key} appears {duplicate.Count()} times in one index");

        var mediaType = platforms.All(p => p.Manifest.MediaType == MediaTypes.DockerManifest)
            ? MediaTypes.DockerManifestList
            : MediaTypes.OciIndex;
        var ordered = platforms.OrderBy(p => p.Platform.ToString(), StringComparer.Ordinal);
        var content = ManifestDocuments.Index(mediaType, ordered);
        return new RegistryManifest(new ContentDescriptor(mediaType, ContentDigest.Of(content), content.Length), content);
    }

    private async Task VerifyAsync(string repository, PlatformManifest child, string what, CancellationToken cancellationToken)
    {
        var stored = await client.HeadManifestAsync(repository, child.Manifest.Digest, cancellationToken);
        var problem = stored switch
        {
            null => "is not in the registry",
            _ when stored.Size != child.Manifest.Size => $"is {stored.Size} bytes in the registry, not {child.Manifest.Size}",
            _ when stored.MediaType != child.Manifest.MediaType => $"is a '{stored.MediaType}' in the registry, not a '{child.Manifest.MediaType}'",
            _ => null,
        };
        if (problem is not null)
            throw new SlipwayException(
                $"refusing to write {what}: the {child.Platform} manifest {child.Manifest.Digest} {problem}; no tag was changed");
    }
}
