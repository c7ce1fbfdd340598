using Serilog;
using Slipway.Output.Progress;
using Slipway.Containers.Attestations;
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
        var attestations = new PushAttestations(registry, request.Signer, request.Attest, log);
        var timestamp = AttestationTime.From(environment, TimeProvider.System);
        long bytesSent = 0;
        foreach (var platform in request.Inputs.Platforms)
        {
            var engine = engines.For(platform.Platform);
            var builderImage = request.Builders.For(platform.Platform);
            var builder = await PushOrFindAsync(registry, engine, builderImage, registry.BuilderRepository, cache, record, false, cancellation);
            var appImage = request.Apps.For(platform.Platform);
            var app = await PushOrFindAsync(registry, engine, appImage, registry.AppRepository, cache, record, request.Attest, cancellation);
            var attested = await AttestAsync(registry, attestations, request.Inputs, platform, engine, builderImage, builder.Manifest, appImage,
                app.Manifest, app.Archive, timestamp, cancellation);
            pushed.Add(new PushedPlatform(platform.Platform.ToString(), platform.DependencyHash.BuilderTag, builder.Manifest, app.Manifest, attested));
            bytesSent += builder.BytesSent + app.BytesSent;
        }
        // Every platform is in the registry. A stop asked for until now leaves no tag and no record; from here on the
        // few small index writes are not interrupted, so the tags move all together, never some of them.
        cancellation.ThrowIfCancellationRequested();
        cache.Save();
        record.Save();
        log.Information("All {Count} platforms are in {Registry}; {Bytes} bytes of blobs sent", pushed.Count, registry.App.Name, bytesSent);
        Digests.Write(pushed);
        if (request.ByDigest)
        {
            ImageSummary.WritePushed(environment, registry, pushed);
            AttestationSummary.Write(environment, registry, pushed, null);
            return $"pushed {pushed.Count} platforms by digest, {bytesSent} bytes sent{attestations.Describe()}; PushIndex writes the tags";
        }
        var tags = await new TagWriter(log, registry).WriteAsync(pushed, request.Inputs.Revision, CancellationToken.None);
        var indexSignature = await SignIndexAsync(registry, attestations, request.Inputs.Revision, CancellationToken.None);
        ImageSummary.WritePushed(environment, registry, pushed);
        AttestationSummary.Write(environment, registry, pushed, indexSignature);
        return $"{tags} tags on {registry.App.Name}, {bytesSent} bytes sent{attestations.Describe()}";
    }

    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> WriteIndexesFromDigestsAsync(SourceRevision revision, IPayloadSigner? signer, CancellationToken cancellation)
    {
        var pushed = Digests.ReadAll("run Push --push-by-digest for each platform first");
        using var registry = RegistryConnection.Open(settings, log);
        cancellation.ThrowIfCancellationRequested(); // as in PushAsync: the tags move all together or not at all
        var tags = await new TagWriter(log, registry).WriteAsync(pushed, revision, CancellationToken.None);
        var signed = await SignIndexAsync(registry, new PushAttestations(registry, signer, false, log), revision, CancellationToken.None);
        AttestationSummary.Write(environment, registry, pushed, signed);
        return $"{tags} tags on {registry.App.Name} from {pushed.Count} platforms{(signed is null ? "" : ", index signed")}";
    }

    /// <summary>One platform's app manifest attested and signed, from the archive of its push (or, when the push found it in
    /// the registry and it has no referrers yet, a new one); the archive is deleted afterwards.</summary>
    private async Task<PushedAttestations?> AttestAsync(
        RegistryConnection registry, PushAttestations attestations, BuildInputs inputs, PlatformInputs platform, Engine.ContainerEngine engine,
        ImageRecord builderImage, ContentDescriptor builderManifest, ImageRecord appImage, ContentDescriptor appManifest, string? archive,
        DateTimeOffset timestamp, CancellationToken cancellation)
    {
        try
        {
            if (archive is null && await attestations.NeedsArchiveAsync(appManifest, cancellation))
                archive = await SaveAsync(engine, appImage, cancellation);
            var startedOn = await CreatedAsync(engine, builderImage.Built ? builderImage : appImage, timestamp, cancellation);
            var finishedOn = await CreatedAsync(engine, appImage, timestamp, cancellation);
            var builderInRegistry = registry.Reference(registry.BuilderRepository, platform.DependencyHash.BuilderTag);
            return await attestations.AttestAsync(appManifest, archive,
                () => BuildProvenance.For(inputs, platform, builderInRegistry, builderManifest, environment, startedOn, finishedOn), timestamp, cancellation);
        }
        finally
        {
            if (archive is not null)
                File.Delete(archive);
        }
    }

    /// <summary>Signs the app index the tags now point at (one digest for all of them); null without a signer.</summary>
    private static async Task<PushedIndexSignature?> SignIndexAsync(
        RegistryConnection registry, PushAttestations attestations, SourceRevision revision, CancellationToken cancellation)
    {
        var tag = TagStrategy.AppTags(revision)[0];
        if (await registry.Client.HeadManifestAsync(registry.AppRepository, tag, cancellation) is not { } index)
            throw new SlipwayException($"{registry.Reference(registry.AppRepository, tag)} is not in the registry right after it was written");
        return await attestations.SignAsync(index.Digest, cancellation) is { } signature ? new PushedIndexSignature(index.Digest, signature) : null;
    }

    /// <summary>An image pushed before as a manifest the registry still has is not exported or pushed again. With
    /// <paramref name="keepArchive"/>, the <c>docker save</c> archive of a pushed image is kept for the caller (who
    /// deletes it); an image found in the registry has none.</summary>
    private async Task<(ContentDescriptor Manifest, long BytesSent, string? Archive)> PushOrFindAsync(
        RegistryConnection registry, Engine.ContainerEngine engine, ImageRecord image, string repository, LayerDigestCache cache,
        PushedImageRecord record, bool keepArchive, CancellationToken cancellation)
    {
        if (record.Find(registry.App.Registry, repository, image.ImageId) is { } known
            && await registry.Client.HeadManifestAsync(repository, known.Digest, cancellation) is not null)
        {
            log.Information("{Platform}: {Image} is already in {Repository}@{Digest}", image.Platform, image.Reference, repository, known.Digest);
            return (known, 0, null);
        }
        var archive = await SaveAsync(engine, image, cancellation);
        try
        {
            var pushed = await PushImageAsync(registry, image, archive, repository, cache, cancellation);
            record.Remember(registry.App.Registry, repository, image.ImageId, pushed.Manifest);
            return (pushed.Manifest, pushed.Report.BytesSent, keepArchive ? archive : null);
        }
        finally
        {
            if (!keepArchive)
                File.Delete(archive);
        }
    }

    private async Task<string> SaveAsync(Engine.ContainerEngine engine, ImageRecord image, CancellationToken cancellation)
    {
        var archive = Path.Combine(temporaryDirectory, $"push-{Guid.NewGuid():N}.tar");
        var label = $"{image.Role.ToString().ToLowerInvariant()} {image.Platform}";
        try
        {
            progress?.Report(new PushPreparing(label, "exporting the image from the engine", 0, 0));
            await engine.SaveImageAsync(image.Reference, archive, cancellation);
            return archive;
        }
        catch
        {
            File.Delete(archive);
            throw;
        }
    }

    /// <summary>When the engine says the image was made; <paramref name="fallback"/> when it does not know.</summary>
    private static async Task<DateTimeOffset> CreatedAsync(
        Engine.ContainerEngine engine, ImageRecord image, DateTimeOffset fallback, CancellationToken cancellation) =>
        (await engine.InspectImageAsync(image.ImageId, cancellation))?.Created ?? fallback;

    private async Task<PushedImage> PushImageAsync(
        RegistryConnection registry, ImageRecord image, string archive, string repository, LayerDigestCache cache, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(archive);
        var options = new ImagePushOptions
        {
            LayerCache = cache, LayerStore = CompressedLayerStore.ForUser(environment), WorkDirectory = temporaryDirectory,
        };
        var pushed = await new ImagePusher(registry.Client, options, progress, $"{image.Role.ToString().ToLowerInvariant()} {image.Platform}")
            .PushAsync(stream, repository, cancellation);
        log.Information("{Platform}: {Image} → {Repository}@{Digest} ({Sent} bytes sent, {Skipped} blobs already there)",
            image.Platform, image.Reference, repository, pushed.Manifest.Digest, pushed.Report.BytesSent, pushed.Report.BlobsSkipped);
        return pushed;
    }
}
