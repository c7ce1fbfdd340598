using System.Diagnostics;

namespace Slipway.Containers.Registry;

/// <summary>
/// Pushes one image from a <c>docker save</c> stream: gzips its layers deterministically, sends each blob the
/// repository lacks (mounting from <see cref="ImagePushOptions.MountFrom"/> where it can), then puts the manifest by
/// digest, without a tag: tags move only through <see cref="MultiPlatformIndex"/>.
/// </summary>
public sealed class ImagePusher(RegistryClient client, ImagePushOptions? options = null)
{
    private readonly ImagePushOptions options = options ?? ImagePushOptions.Default;

    public async Task<PushedImage> PushAsync(Stream dockerSaveArchive, string repository, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await client.CheckAccessAsync(repository, RepositoryAccess.Push, cancellationToken); // wrong credentials fail before any work
        using var archive = await DockerSaveArchive.ExtractAsync(dockerSaveArchive, options.WorkDirectory ?? Path.GetTempPath(), cancellationToken);
        var config = ImageConfig.Read(archive.Config);
        if (config.DiffIds.Count != archive.Layers.Count)
            throw new SlipwayException(
                $"the image archive is inconsistent: its config lists {config.DiffIds.Count} layers, its manifest {archive.Layers.Count}");

        var oci = options.Format == ManifestFormat.Oci;
        var results = new List<BlobPushResult>();
        var layers = new List<ContentDescriptor>();
        for (var i = 0; i < archive.Layers.Count; i++)
        {
            var (layer, result) = await PushLayerAsync(repository, archive, i, config.DiffIds[i], cancellationToken);
            layers.Add(layer with { MediaType = oci ? MediaTypes.OciLayerGzip : MediaTypes.DockerLayerGzip });
            results.Add(result);
        }
        var configBlob = BlobSource.FromBytes(archive.Config);
        results.Add(await client.PushBlobAsync(repository, configBlob, options.MountFrom, cancellationToken));
        options.LayerCache?.Save();

        var manifest = ManifestDocuments.ImageManifest(
            options.Format, new ContentDescriptor(oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig, configBlob.Digest, configBlob.Size), layers);
        var mediaType = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        var descriptor = await client.PutManifestAsync(repository, ContentDigest.Of(manifest), manifest, mediaType, cancellationToken);

        var report = PushReport.From(results, clock.Elapsed);
        client.Options.Logger.Information(
            "Pushed {Registry}/{Repository}@{Digest} ({Platform}): {Uploaded} blobs uploaded ({BytesSent} bytes), {Skipped} already there, {Mounted} mounted",
            client.Registry, repository, descriptor.Digest, config.Platform, report.BlobsUploaded, report.BytesSent, report.BlobsSkipped, report.BlobsMounted);
        return new PushedImage(client.Registry, repository, descriptor, config.Platform, report);
    }

    /// <summary>A layer the cache knows and the registry has is skipped without compressing; any other is gzipped and pushed.</summary>
    private async Task<(ContentDescriptor Layer, BlobPushResult Result)> PushLayerAsync(
        string repository, DockerSaveArchive archive, int index, string diffId, CancellationToken cancellationToken)
    {
        var file = archive.Layers[index];
        var compressed = await LayerCompressor.IsGzipAsync(file.Path, cancellationToken);
        if (!compressed && file.FileDigest != diffId)
            throw Inconsistent(index, file.FileDigest, diffId);
        if (options.LayerCache?.Find(diffId) is { } known && await client.BlobExistsAsync(repository, known.Digest, cancellationToken))
            return (known, new BlobPushResult(known.Digest, BlobPushOutcome.AlreadyPresent, 0));

        var layer = await LayerCompressor.CompressAsync(file.Path, Path.Combine(archive.Directory, $"layer-{index}.tar.gz"), cancellationToken);
        if (layer.DiffId != diffId)
            throw Inconsistent(index, layer.DiffId, diffId);
        var descriptor = new ContentDescriptor(MediaTypes.OciLayerGzip, layer.Digest, layer.Size);
        options.LayerCache?.Remember(diffId, descriptor);
        return (descriptor, await client.PushBlobAsync(repository, layer.ToBlob(), options.MountFrom, cancellationToken));
    }

    private static SlipwayException Inconsistent(int index, string actual, string expected) =>
        new($"the image archive is inconsistent: layer {index + 1} has digest {actual}, its config says {expected}");
}
