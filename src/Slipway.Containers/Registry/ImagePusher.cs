using System.Diagnostics;
using Slipway.Output.Progress;

namespace Slipway.Containers.Registry;

/// <summary>
/// Pushes one image from a <c>docker save</c> stream: gzips its layers deterministically, sends each blob the
/// repository lacks (mounting from <see cref="ImagePushOptions.MountFrom"/> where it can), then puts the manifest by
/// digest, without a tag: tags move only through <see cref="MultiPlatformIndex"/>. Layers are all compressed before
/// the first byte is sent, so the push's size is known when it starts: <paramref name="progress"/> gets
/// <see cref="PushPreparing"/> while the archive is unpacked (with a label) and the layers are compressed, then
/// <see cref="PushStarted"/>, then per blob <see cref="BlobProgressed"/> and <see cref="BlobFinished"/> or
/// <see cref="BlobSkipped"/>, then <see cref="PushFinished"/> (also when the push fails), all named
/// <paramref name="label"/> (the image's platform when null: <c>linux/arm64</c>).
/// </summary>
public sealed class ImagePusher(RegistryClient client, ImagePushOptions? options = null, IProgressReporter? progress = null, string? label = null)
{
    private readonly ImagePushOptions options = options ?? ImagePushOptions.Default;
    private readonly IProgressReporter progress = progress ?? ProgressReporter.None;

    public async Task<PushedImage> PushAsync(Stream dockerSaveArchive, string repository, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await client.CheckAccessAsync(repository, RepositoryAccess.Push, cancellationToken); // wrong credentials fail before any work
        if (label is not null)
            progress.Report(new PushPreparing(label, "unpacking the image archive", 0, 0));
        using var archive = await DockerSaveArchive.ExtractAsync(dockerSaveArchive, options.WorkDirectory ?? Path.GetTempPath(), cancellationToken);
        var config = ImageConfig.Read(archive.Config);
        if (config.DiffIds.Count != archive.Layers.Count)
            throw new SlipwayException(
                $"the image archive is inconsistent: its config lists {config.DiffIds.Count} layers, its manifest {archive.Layers.Count}");

        var oci = options.Format == ManifestFormat.Oci;
        var push = label ?? config.Platform.ToString();
        var layers = new List<(ContentDescriptor Layer, BlobSource? Blob)>();
        var preparing = new LayerPreparation(push, archive.Layers.Select(layer => new FileInfo(layer.Path).Length).ToArray(), progress);
        for (var i = 0; i < archive.Layers.Count; i++)
            layers.Add(await PrepareLayerAsync(repository, archive, i, config.DiffIds[i], preparing, cancellationToken));
        var configBlob = BlobSource.FromBytes(archive.Config);

        progress.Report(new PushStarted(push, layers.Count + 1, layers.Sum(layer => layer.Layer.Size) + configBlob.Size));
        var results = new List<BlobPushResult>();
        try
        {
            foreach (var (layer, blob) in layers)
            {
                if (blob is null)
                {
                    progress.Report(new BlobSkipped(push, layer.Digest, layer.Size, "the registry has it"));
                    results.Add(new BlobPushResult(layer.Digest, BlobPushOutcome.AlreadyPresent, 0));
                }
                else
                    results.Add(await PushBlobAsync(push, repository, blob, cancellationToken));
            }
            results.Add(await PushBlobAsync(push, repository, configBlob, cancellationToken));
        }
        finally
        {
            progress.Report(new PushFinished(push));
        }
        options.LayerCache?.Save();

        var manifest = ManifestDocuments.ImageManifest(
            options.Format, new ContentDescriptor(oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig, configBlob.Digest, configBlob.Size),
            [.. layers.Select(layer => layer.Layer with { MediaType = oci ? MediaTypes.OciLayerGzip : MediaTypes.DockerLayerGzip })]);
        var mediaType = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        var descriptor = await client.PutManifestAsync(repository, ContentDigest.Of(manifest), manifest, mediaType, cancellationToken);

        var report = PushReport.From(results, clock.Elapsed);
        client.Options.Logger.Information(
            "Pushed {Registry}/{Repository}@{Digest} ({Platform}): {Uploaded} blobs uploaded ({BytesSent} bytes), {Skipped} already there, {Mounted} mounted",
            client.Registry, repository, descriptor.Digest, config.Platform, report.BlobsUploaded, report.BytesSent, report.BlobsSkipped, report.BlobsMounted);
        return new PushedImage(client.Registry, repository, descriptor, config.Platform, report);
    }

    /// <summary>A layer the cache knows and the registry has needs no blob (null); any other is taken from the layer store
    /// or gzipped, to be pushed.</summary>
    private async Task<(ContentDescriptor Layer, BlobSource? Blob)> PrepareLayerAsync(
        string repository, DockerSaveArchive archive, int index, string diffId, LayerPreparation preparing, CancellationToken cancellationToken)
    {
        var file = archive.Layers[index];
        var compressed = await LayerCompressor.IsGzipAsync(file.Path, cancellationToken);
        if (!compressed && file.FileDigest != diffId)
            throw Inconsistent(index, file.FileDigest, diffId);
        if (options.LayerCache?.Find(diffId) is { } known && await client.BlobExistsAsync(repository, known.Digest, cancellationToken))
            return (known, null);
        var store = compressed ? null : options.LayerStore; // a layer gzipped already is pushed as it is
        var layer = store is null ? null : await store.FindAsync(diffId, cancellationToken);
        if (layer is null)
        {
            preparing.Compressed(index, 0);
            layer = await LayerCompressor.CompressAsync(file.Path, Path.Combine(archive.Directory, $"layer-{index}.tar.gz"), cancellationToken,
                read => preparing.Compressed(index, read));
            if (layer.DiffId != diffId)
                throw Inconsistent(index, layer.DiffId, diffId);
            if (store is not null)
                layer = store.Keep(layer);
        }
        var descriptor = new ContentDescriptor(MediaTypes.OciLayerGzip, layer.Digest, layer.Size);
        options.LayerCache?.Remember(diffId, descriptor);
        return (descriptor, layer.ToBlob());
    }

    /// <summary>One blob, its bytes reported as they are read for the upload.</summary>
    private async Task<BlobPushResult> PushBlobAsync(string push, string repository, BlobSource blob, CancellationToken cancellationToken)
    {
        var watched = new BlobSource(blob.Digest, blob.Size,
            () => new ReadProgressStream(blob.Open(), sent => progress.Report(new BlobProgressed(push, blob.Digest, sent, blob.Size))));
        var result = await client.PushBlobAsync(repository, watched, options.MountFrom, cancellationToken);
        progress.Report(result.Outcome switch
        {
            BlobPushOutcome.AlreadyPresent => new BlobSkipped(push, blob.Digest, blob.Size, "the registry has it"),
            BlobPushOutcome.Mounted => new BlobSkipped(push, blob.Digest, blob.Size, "mounted from " + string.Join(" or ", options.MountFrom)),
            _ => new BlobFinished(push, blob.Digest, blob.Size),
        });
        return result;
    }

    private static SlipwayException Inconsistent(int index, string actual, string expected) =>
        new($"the image archive is inconsistent: layer {index + 1} has digest {actual}, its config says {expected}");
}
