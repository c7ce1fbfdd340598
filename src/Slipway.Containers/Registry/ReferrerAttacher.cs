using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// Attaches an artifact (an SBOM, a provenance statement, ...) to a manifest the OCI 1.1 way: an image manifest with
/// <c>artifactType</c>, the empty config, the content as its one layer and <c>subject</c> = the manifest, pushed by
/// digest. Where the registry has no referrers API, the referrers tag (<c>sha256-&lt;hex&gt;</c>, an OCI index of referrer
/// descriptors) is read, extended and written back, keeping every entry it had. The subject's own tags and indexes
/// are never touched. Attach the artifacts of one subject one after another: the tag update is a read-modify-write.
/// </summary>
public sealed class ReferrerAttacher(RegistryClient client)
{
    public async Task<AttachedArtifact> AttachAsync(
        string repository, ContentDescriptor subject, string artifactType, ReadOnlyMemory<byte> content,
        IReadOnlyDictionary<string, string>? annotations = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (!MediaTypes.IsImageManifest(subject.MediaType) && !MediaTypes.IsIndex(subject.MediaType))
            throw new ArgumentException($"the subject is a '{subject.MediaType}', not a manifest", nameof(subject));
        long sent = 0;
        sent += (await client.PushBlobAsync(repository, BlobSource.FromBytes(ArtifactMediaTypes.EmptyContent.ToArray()), cancellationToken: cancellationToken)).BytesSent;
        var blob = BlobSource.FromBytes(content.ToArray());
        sent += (await client.PushBlobAsync(repository, blob, cancellationToken: cancellationToken)).BytesSent;

        var layer = new AnnotatedDescriptor(new ContentDescriptor(artifactType, blob.Digest, blob.Size));
        var manifest = ArtifactDocuments.Manifest(artifactType, ArtifactMediaTypes.EmptyConfig, [layer], subject, annotations);
        var descriptor = await client.PutManifestAsync(repository, ContentDigest.Of(manifest), manifest, MediaTypes.OciManifest, cancellationToken);
        sent += manifest.Length;

        var store = ReferrersStore.Api;
        if (await client.GetReferrersFromApiAsync(repository, subject.Digest, cancellationToken) is null)
        {
            store = ReferrersStore.Tag;
            sent += await AddToTagAsync(repository, subject.Digest,
                new ReferrerDescriptor(descriptor, artifactType, annotations ?? new Dictionary<string, string>()), cancellationToken);
        }
        client.Options.Logger.Debug("Attached {ArtifactType} {Digest} to {Repository}@{Subject} ({Store})",
            artifactType, descriptor.Digest, repository, subject.Digest, store);
        return new AttachedArtifact(descriptor, artifactType, subject, store, sent, clock.Elapsed);
    }

    /// <summary>Adds the referrer to the subject's referrers tag unless it is listed already; returns the bytes written.</summary>
    private async Task<long> AddToTagAsync(string repository, string subjectDigest, ReferrerDescriptor referrer, CancellationToken cancellationToken)
    {
        var tag = ReferrersIndex.TagFor(subjectDigest);
        var what = $"the referrers tag {client.Registry}/{repository}:{tag}";
        var existing = await client.GetManifestAsync(repository, tag, cancellationToken);
        List<JsonElement> kept = [];
        if (existing is not null)
        {
            if (!MediaTypes.IsIndex(existing.MediaType))
                throw new SlipwayException($"{what} holds a '{existing.MediaType}', not an index of referrers; it was left as it is");
            using var document = JsonDocument.Parse(existing.Content);
            kept = ReferrersIndex.Entries(document.RootElement, what).Select(e => e.Clone()).ToList();
            if (kept.Any(e => e.TryGetProperty("digest", out var d) && d.GetString() == referrer.Manifest.Digest))
                return 0;
        }
        var index = ArtifactDocuments.ReferrersIndex(kept, [referrer]);
        await client.PutManifestAsync(repository, tag, index, MediaTypes.OciIndex, cancellationToken);
        return index.Length;
    }
}
