using Serilog;
using Slipway.Containers.Registry;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Writes the tags of pushed platforms as multi-platform indexes: each builder's <c>deps-&lt;hash&gt;</c> (one
/// platform, since the hash is per platform), then the builder's and the app's other tags over all platforms.</summary>
internal sealed class TagWriter(ILogger log, RegistryConnection registry)
{
    public async Task<int> WriteAsync(IReadOnlyList<PushedPlatform> pushed, SourceRevision revision, CancellationToken cancellation)
    {
        var index = new MultiPlatformIndex(registry.Client);
        var written = 0;
        foreach (var platform in pushed)
        {
            await index.WriteAsync(registry.BuilderRepository, [platform.DependencyTag], [platform.BuilderManifest], cancellation);
            log.Information("{Reference} → {Platform}", registry.Reference(registry.BuilderRepository, platform.DependencyTag), platform.Platform);
            written++;
        }
        var builderTags = TagStrategy.BuilderTags(revision, "").Where(tag => tag.Length > 0).ToArray();
        written += await WriteAsync(index, registry.BuilderRepository, builderTags, pushed.Select(p => p.BuilderManifest).ToArray(), cancellation);
        var appTags = TagStrategy.AppTags(revision);
        written += await WriteAsync(index, registry.AppRepository, appTags, pushed.Select(p => p.AppManifest).ToArray(), cancellation);
        return written;
    }

    private async Task<int> WriteAsync(
        MultiPlatformIndex index, string repository, IReadOnlyList<string> tags, IReadOnlyList<PlatformManifest> platforms, CancellationToken cancellation)
    {
        if (tags.Count == 0)
            return 0;
        var descriptor = await index.WriteAsync(repository, tags, platforms, cancellation);
        foreach (var tag in tags)
            log.Information("{Reference} → index {Digest} ({Platforms})", registry.Reference(repository, tag), descriptor.Digest,
                string.Join(", ", platforms.Select(p => p.Platform)));
        return tags.Count;
    }
}
