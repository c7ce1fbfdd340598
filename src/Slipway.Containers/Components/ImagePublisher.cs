using Serilog;
using Slipway.Output.Progress;
using Slipway.Containers.Registry;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Push's work: every platform's builder and app image by digest first; the tags (indexes) only after all of
/// them are in the registry, so a failure part-way leaves every tag where it was.</summary>
internal sealed class ImagePublisher(
    RegistrySettings settings, string temporaryDirectory, IReadOnlyDictionary<string, string> environment, ILogger log,
    IProgressReporter? progress = null)
{
    private PushedDigests Digests => new(temporaryDirectory);

    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> PushAsync(PushRequest request, ContainerEngines engines, CancellationToken cancellation)
    {
        using var registry = RegistryConnection.Open(settings, log);
        await registry.Client.CheckAccessAsync(registry.AppRepository, RepositoryAccess.Push, cancellation);
        await registry.Client.CheckAccessAsync(registry.BuilderRepository, RepositoryAccess.Push, cancellation);
        Digests.Clear();
        var cache = LayerDigestCache.Load(Path.Combine(temporaryDirectory, "registry-layers.json"));
        var record = PushedImageRecord.Load(Path.Combine(temporaryDirectory, "pushed-images.json"));
        var pushed = new List<PushedPlatform>();
        long bytesSent = 0;
        foreach (var platform in request.Inputs.Platforms)
        {
            var engine = engines.For(platform.Platform);
            var builder = await PushOrFindAsync(registry, engine, request.Builders.For(platform.Platform), registry.BuilderRepository, cache, record, cancellation);
            var app = await PushOrFindAsync(registry, engine, request.Apps.For(platform.Platform), registry.AppRepository, cache, record, cancellation);
            pushed.Add(new PushedPlatform(platform.Platform.ToString(), platform.DependencyHash.BuilderTag, builder.Manifest, app.Manifest));
            bytesSent += builder.BytesSent + app.BytesSent;
        }
        // Every platform is in the registry. A stop asked for until now leaves no tag and no record; from here on the
        // few small index writes are not interrupted, so the tags move all together, never some of them.
        cancellation.ThrowIfCancellationRequested();
        cache.Save();
        record.Save();
        log.Information("All {Count} platforms are in {Registry}; {Bytes} bytes of blobs sent", pushed.Count, registry.App.Name, bytesSent);
        ImageSummary.WritePushed(environment, registry, pushed);
        Digests.Write(pushed);
        if (request.ByDigest)
            return $"pushed {pushed.Count} platforms by digest, {bytesSent} bytes sent; PushIndex writes the tags";
        var tags = await new TagWriter(log, registry).WriteAsync(pushed, request.Inputs.Revision, CancellationToken.None);
        return $"{tags} tags on {registry.App.Name}, {bytesSent} bytes sent";
    }

    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> WriteIndexesFromDigestsAsync(SourceRevision revision, CancellationToken cancellation)
    {
        var pushed = Digests.ReadAll("run Push --push-by-digest for each platform first");
        using var registry = RegistryConnection.Open(settings, log);
        cancellation.ThrowIfCancellationRequested(); // as in PushAsync: the tags move all together or not at all
        var tags = await new TagWriter(log, registry).WriteAsync(pushed, revision, CancellationToken.None);
        return $"{tags} tags on {registry.App.Name} from {pushed.Count} platforms";
    }

    /// <summary>An image pushed before as a manifest the registry still has is not exported or pushed again.</summary>
    private async Task<(ContentDescriptor Manifest, long BytesSent)> PushOrFindAsync(
        RegistryConnection registry, Engine.ContainerEngine engine, ImageRecord image, string repository, LayerDigestCache cache,
        PushedImageRecord record, CancellationToken cancellation)
    {
        if (record.Find(registry.App.Registry, repository, image.ImageId) is { } known
            && await registry.Client.HeadManifestAsync(repository, known.Digest, cancellation) is not null)
        {
            log.Information("{Platform}: {Image} is already in {Repository}@{Digest}", image.Platform, image.Reference, repository, known.Digest);
            return (known, 0);
        }
        var pushed = await PushImageAsync(registry, engine, image, repository, cache, cancellation);
        record.Remember(registry.App.Registry, repository, image.ImageId, pushed.Manifest);
        return (pushed.Manifest, pushed.Report.BytesSent);
    }

    private async Task<PushedImage> PushImageAsync(
        RegistryConnection registry, Engine.ContainerEngine engine, ImageRecord image, string repository, LayerDigestCache cache,
        CancellationToken cancellation)
    {
        var archive = Path.Combine(temporaryDirectory, $"push-{Guid.NewGuid():N}.tar");
        var label = $"{image.Role.ToString().ToLowerInvariant()} {image.Platform}";
        try
        {
            progress?.Report(new PushPreparing(label, "exporting the image from the engine", 0, 0));
            await engine.SaveImageAsync(image.Reference, archive, cancellation);
            await using var stream = File.OpenRead(archive);
            var pushed = await new ImagePusher(registry.Client, new ImagePushOptions { LayerCache = cache, WorkDirectory = temporaryDirectory },
                    progress, label)
                .PushAsync(stream, repository, cancellation);
            log.Information("{Platform}: {Image} → {Repository}@{Digest} ({Sent} bytes sent, {Skipped} blobs already there)",
                image.Platform, image.Reference, repository, pushed.Manifest.Digest, pushed.Report.BytesSent, pushed.Report.BlobsSkipped);
            return pushed;
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
