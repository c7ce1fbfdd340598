using System.Text.Json;
using Slipway.Containers.Registry;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Push's work: every platform's builder and app image by digest first; the tags (indexes) only after all of
/// them are in the registry, so a failure part-way leaves every tag where it was.</summary>
internal sealed class ImagePublisher(IPush build)
{
    private string DigestDirectory => build.TemporaryDirectory / "digests";

    public async Task PushAsync(CancellationToken cancellation)
    {
        using var registry = RegistryConnection.Open(build);
        await registry.Client.CheckAccessAsync(registry.AppRepository, RepositoryAccess.Push, cancellation);
        await registry.Client.CheckAccessAsync(registry.BuilderRepository, RepositoryAccess.Push, cancellation);
        var inputs = build.Containers.Inputs;
        if (Directory.Exists(DigestDirectory))
            Directory.Delete(DigestDirectory, recursive: true);
        var cache = LayerDigestCache.Load(build.TemporaryDirectory / "registry-layers.json");
        var record = PushedImageRecord.Load(build.TemporaryDirectory / "pushed-images.json");
        var pushed = new List<PushedPlatform>();
        long bytesSent = 0;
        foreach (var platform in inputs.Platforms)
        {
            var (result, sent) = await PushPlatformAsync(registry, platform, cache, record, cancellation);
            pushed.Add(result);
            bytesSent += sent;
        }
        cache.Save();
        record.Save();
        build.Log.Information("All {Count} platforms are in {Registry}; {Bytes} bytes of blobs sent", pushed.Count, registry.App.Name, bytesSent);
        ImageSummary.WritePushed(build, registry, pushed);
        RecordDigests(pushed);
        if (build.PushByDigest)
        {
            build.Note($"pushed {pushed.Count} platforms by digest, {bytesSent} bytes sent; PushIndex writes the tags");
            return;
        }
        var tags = await new TagWriter(build.Log, registry).WriteAsync(pushed, inputs.Revision, cancellation);
        build.Note($"{tags} tags on {registry.App.Name}, {bytesSent} bytes sent");
    }

    public async Task WriteIndexesFromDigestsAsync(CancellationToken cancellation)
    {
        var files = Directory.Exists(DigestDirectory) ? Directory.GetFiles(DigestDirectory, "*.json").Order().ToArray() : [];
        if (files.Length == 0)
            throw new SlipwayException($"no digests under {DigestDirectory}: run Push --push-by-digest for each platform first");
        var pushed = files.Select(file => JsonSerializer.Deserialize<PushedPlatform>(File.ReadAllText(file))
                                          ?? throw new SlipwayException($"{file} holds no pushed platform")).ToArray();
        using var registry = RegistryConnection.Open(build);
        var revision = SourceRevisionReader.Read(build.EnvironmentVariables, build.RootDirectory, build.DefaultBranch);
        var tags = await new TagWriter(build.Log, registry).WriteAsync(pushed, revision, cancellation);
        build.Note($"{tags} tags on {registry.App.Name} from {pushed.Length} platforms");
    }

    private async Task<(PushedPlatform Result, long BytesSent)> PushPlatformAsync(
        RegistryConnection registry, PlatformInputs platform, LayerDigestCache cache, PushedImageRecord record, CancellationToken cancellation)
    {
        var images = build.Containers.Images.Where(image => image.Platform == platform.Platform).ToArray();
        var builder = await PushOrFindAsync(registry, Find(images, ImageRole.Builder, platform), registry.BuilderRepository, cache, record, cancellation);
        var app = await PushOrFindAsync(registry, Find(images, ImageRole.App, platform), registry.AppRepository, cache, record, cancellation);
        return (new PushedPlatform(platform.Platform.ToString(), platform.DependencyHash.BuilderTag, builder.Manifest, app.Manifest),
            builder.BytesSent + app.BytesSent);
    }

    /// <summary>An image pushed before as a manifest the registry still has is not exported or pushed again.</summary>
    private async Task<(ContentDescriptor Manifest, long BytesSent)> PushOrFindAsync(
        RegistryConnection registry, ImageRecord image, string repository, LayerDigestCache cache, PushedImageRecord record,
        CancellationToken cancellation)
    {
        if (record.Find(registry.App.Registry, repository, image.ImageId) is { } known
            && await registry.Client.HeadManifestAsync(repository, known.Digest, cancellation) is not null)
        {
            build.Log.Information("{Platform}: {Image} is already in {Repository}@{Digest}", image.Platform, image.Reference, repository, known.Digest);
            return (known, 0);
        }
        var pushed = await PushImageAsync(registry, image, repository, cache, cancellation);
        record.Remember(registry.App.Registry, repository, image.ImageId, pushed.Manifest);
        return (pushed.Manifest, pushed.Report.BytesSent);
    }

    private async Task<PushedImage> PushImageAsync(
        RegistryConnection registry, ImageRecord image, string repository, LayerDigestCache cache, CancellationToken cancellation)
    {
        var archive = Path.Combine(build.TemporaryDirectory, $"push-{Guid.NewGuid():N}.tar");
        try
        {
            await build.Containers.EngineFor(image.Platform).SaveImageAsync(image.Reference, archive, cancellation);
            await using var stream = File.OpenRead(archive);
            var pushed = await new ImagePusher(registry.Client, new ImagePushOptions { LayerCache = cache, WorkDirectory = build.TemporaryDirectory })
                .PushAsync(stream, repository, cancellation);
            build.Log.Information("{Platform}: {Image} → {Repository}@{Digest} ({Sent} bytes sent, {Skipped} blobs already there)",
                image.Platform, image.Reference, repository, pushed.Manifest.Digest, pushed.Report.BytesSent, pushed.Report.BlobsSkipped);
            return pushed;
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static ImageRecord Find(IEnumerable<ImageRecord> images, ImageRole role, PlatformInputs platform) =>
        images.LastOrDefault(image => image.Role == role)
        ?? throw new SlipwayException($"no {role.ToString().ToLowerInvariant()} image for {platform.Platform} in this run");

    private void RecordDigests(IEnumerable<PushedPlatform> pushed)
    {
        Directory.CreateDirectory(DigestDirectory);
        foreach (var platform in pushed)
            File.WriteAllText(Path.Combine(DigestDirectory, platform.Platform.Replace('/', '-') + ".json"), JsonSerializer.Serialize(platform));
    }
}
