using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Signatures in cosign's format, next to the signed manifest in the same repository: an OCI image manifest under tag
/// <c>sha256-&lt;hex&gt;.sig</c> whose layers are simple-signing payloads (<see cref="SimpleSigningPayload"/>), each with its
/// base64 signature in the <c>dev.cosignproject.cosign/signature</c> annotation, and a config listing the payloads as
/// diff ids. Signing keeps the signatures the tag has (other keys, other signers) and adds nothing when the signer's
/// own signature of the same payload is there already.
/// </summary>
public sealed class CosignSignatures(RegistryClient client)
{
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary><c>sha256:abc…</c> → <c>sha256-abc….sig</c>.</summary>
    public static string TagFor(string manifestDigest) => ReferrersIndex.TagFor(manifestDigest) + ".sig";

    /// <summary>The repository as cosign names it in the payload, e.g. <c>ghcr.io/acme/voice</c>.</summary>
    public static string DockerReference(string registry, string repository) =>
        (registry == ImageReference.DockerHub ? "index.docker.io" : registry) + "/" + repository;

    public async Task<PushedSignature> SignAsync(string repository, string manifestDigest, IPayloadSigner signer, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tag = TagFor(manifestDigest);
        var payload = new SimpleSigningPayload(DockerReference(client.Registry, repository), manifestDigest).ToBytes();
        var payloadBlob = BlobSource.FromBytes(payload);
        var existing = await client.GetManifestAsync(repository, tag, cancellationToken);
        var layers = existing is null ? [] : Layers(existing, $"{client.Registry}/{repository}:{tag}");
        foreach (var layer in layers.Where(l => l.Descriptor.Digest == payloadBlob.Digest))
        {
            if (Signature(layer) is { } stored && signer.IsOwnSignature(payload, stored))
                return new PushedSignature(manifestDigest, tag, existing!.Digest, Added: false, 0, clock.Elapsed);
        }

        var signature = await signer.SignAsync(payload, cancellationToken);
        var annotations = new Dictionary<string, string>(signature.Annotations, StringComparer.Ordinal)
        {
            [SignatureAnnotation] = Convert.ToBase64String(signature.Signature),
        };
        layers.Add(new AnnotatedDescriptor(new ContentDescriptor(SimpleSigningPayload.MediaType, payloadBlob.Digest, payloadBlob.Size), annotations));
        var config = BlobSource.FromBytes(Config(layers));
        long sent = 0;
        sent += (await client.PushBlobAsync(repository, payloadBlob, cancellationToken: cancellationToken)).BytesSent;
        sent += (await client.PushBlobAsync(repository, config, cancellationToken: cancellationToken)).BytesSent;
        var manifest = ArtifactDocuments.Manifest(null, new ContentDescriptor(MediaTypes.OciConfig, config.Digest, config.Size), layers, null, null);
        var descriptor = await client.PutManifestAsync(repository, tag, manifest, MediaTypes.OciManifest, cancellationToken);
        sent += manifest.Length;
        client.Options.Logger.Debug("Signed {Repository}@{Digest} with {Signer}: {Tag}", repository, manifestDigest, signer.Description, tag);
        return new PushedSignature(manifestDigest, tag, descriptor.Digest, Added: true, sent, clock.Elapsed);
    }

    /// <summary>The signatures stored for a manifest digest, or null when it has no signature tag.</summary>
    public async Task<IReadOnlyList<StoredSignature>?> ReadAsync(string repository, string manifestDigest, CancellationToken cancellationToken = default)
    {
        var tag = TagFor(manifestDigest);
        var manifest = await client.GetManifestAsync(repository, tag, cancellationToken);
        if (manifest is null)
            return null;
        var signatures = new List<StoredSignature>();
        foreach (var layer in Layers(manifest, $"{client.Registry}/{repository}:{tag}").Where(l => l.Descriptor.MediaType == SimpleSigningPayload.MediaType))
        {
            var payload = await client.GetBlobAsync(repository, layer.Descriptor.Digest, 1024 * 1024, cancellationToken);
            if (payload is not null)
                signatures.Add(new StoredSignature(payload, Signature(layer) ?? [], layer.Annotations ?? new Dictionary<string, string>()));
        }
        return signatures;
    }

    private static byte[]? Signature(AnnotatedDescriptor layer)
    {
        if (layer.Annotations?.GetValueOrDefault(SignatureAnnotation) is not { } text)
            return null;
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static List<AnnotatedDescriptor> Layers(RegistryManifest manifest, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest.Content);
            return document.RootElement.GetProperty("layers").EnumerateArray().Select(layer => new AnnotatedDescriptor(
                new ContentDescriptor(layer.GetProperty("mediaType").GetString() ?? "", layer.GetProperty("digest").GetString() ?? "", layer.GetProperty("size").GetInt64()),
                layer.TryGetProperty("annotations", out var values) && values.ValueKind == JsonValueKind.Object
                    ? values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                    : null)).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SlipwayException($"the signature manifest {what} is not an image manifest with layers: {e.Message}", e);
        }
    }

    /// <summary>The config cosign writes for a signature image: no platform, zero times, the payloads as diff ids.</summary>
    private static byte[] Config(IReadOnlyList<AnnotatedDescriptor> layers)
    {
        const string zero = "0001-01-01T00:00:00Z";
        var text = new StringBuilder("{\"architecture\":\"\",\"created\":\"" + zero + "\",\"history\":[");
        text.Append(string.Join(",", layers.Select(_ => "{\"created\":\"" + zero + "\"}")));
        text.Append("],\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[");
        text.Append(string.Join(",", layers.Select(l => "\"" + l.Descriptor.Digest + "\"")));
        text.Append("]},\"config\":{}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
