using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>The descriptor of a manifest (tag or digest), or null when the repository does not have it.</summary>
    public async Task<ContentDescriptor?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        var operation = PullFrom(repository);
        var request = new RegistryRequest(HttpMethod.Head, ManifestUri(repository, reference), ScopeSet.For(repository, RepositoryAccess.Pull))
        {
            Accept = MediaTypes.Manifests,
        };
        var found = await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return (Found: false, Descriptor: null);
            if (!response.IsSuccessStatusCode)
                throw await RefusedAsync(response, operation, token);
            var digest = DigestHeader(response) ?? (ReferenceGrammar.IsDigest(reference) ? reference : null);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var size = response.Content.Headers.ContentLength;
            return (Found: true, Descriptor: digest is null || mediaType is null || size is null
                ? null
                : new ContentDescriptor(mediaType, digest, size.Value));
        }, cancellationToken);
        if (!found.Found)
            return null;
        // some registries leave out digest or type on HEAD: read the manifest itself then
        return found.Descriptor ?? (await GetManifestAsync(repository, reference, cancellationToken))?.Descriptor;
    }

    /// <summary>A manifest or index with its exact bytes, or null when the repository does not have it.</summary>
    public async Task<RegistryManifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        var operation = PullFrom(repository);
        var request = new RegistryRequest(HttpMethod.Get, ManifestUri(repository, reference), ScopeSet.For(repository, RepositoryAccess.Pull))
        {
            Accept = MediaTypes.Manifests,
        };
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            var content = await ReadBoundedAsync(response, operation, $"manifest {repository}:{reference}", MaxManifestBytes, token);
            if (content is null)
                return null;
            var digest = ContentDigest.Of(content);
            if (ReferenceGrammar.IsDigest(reference) && digest != reference)
                throw new SlipwayException($"registry {Registry} answered {repository}@{reference} with content whose digest is {digest}");
            var mediaType = MediaTypeOf(response, content);
            return new RegistryManifest(new ContentDescriptor(mediaType, digest, content.Length), content);
        }, cancellationToken);
    }

    /// <summary>Stores a manifest or index under a tag or its digest and returns its descriptor.</summary>
    public async Task<ContentDescriptor> PutManifestAsync(
        string repository, string reference, ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        var digest = ContentDigest.Of(content.Span);
        if (ReferenceGrammar.IsDigest(reference) ? reference != digest : ReferenceGrammar.CheckTag(reference) is not null)
            throw new ArgumentException($"'{reference}' is neither a valid tag nor the digest of the content ({digest})", nameof(reference));
        var operation = PushTo(repository);
        var bytes = content.ToArray();
        var request = new RegistryRequest(HttpMethod.Put, ManifestUri(repository, reference), ScopeSet.For(repository, RepositoryAccess.Push))
        {
            Content = () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        };
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (!response.IsSuccessStatusCode)
                throw await RefusedAsync(response, operation, token);
            if (DigestHeader(response) is { } stored && stored != digest)
                throw new SlipwayException($"registry {Registry} stored the manifest for {repository}:{reference} as {stored}, expected {digest}");
            return new ContentDescriptor(mediaType, digest, bytes.Length);
        }, cancellationToken);
    }

    /// <summary>Deletes a manifest by digest; registries may not allow it (<see cref="ManifestDeletion.Unsupported"/>).</summary>
    public async Task<ManifestDeletion> DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        if (ReferenceGrammar.CheckDigest(digest) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        var operation = $"delete in {repository}";
        var scopes = ScopeSet.Parse([$"repository:{repository}:delete"]).Union(ScopeSet.For(repository, RepositoryAccess.Push));
        var request = new RegistryRequest(HttpMethod.Delete, ManifestUri(repository, digest), scopes);
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => ManifestDeletion.Deleted,
                HttpStatusCode.NotFound => ManifestDeletion.NotFound,
                HttpStatusCode.MethodNotAllowed => ManifestDeletion.Unsupported,
                _ => throw await RefusedAsync(response, operation, token),
            };
        }, cancellationToken);
    }

    private Uri ManifestUri(string repository, string reference)
    {
        if (!ReferenceGrammar.IsDigest(reference) && ReferenceGrammar.CheckTag(reference) is { } problem)
            throw new SlipwayException($"invalid manifest reference: {problem}");
        return ApiUri($"v2/{repository}/manifests/{reference}");
    }

    internal static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;

    private static string MediaTypeOf(HttpResponseMessage response, byte[] content)
    {
        var header = response.Content.Headers.ContentType?.MediaType;
        if (header is not null && MediaTypes.Manifests.Contains(header))
            return header;
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.TryGetProperty("mediaType", out var value) && value.GetString() is { } fromBody)
                return fromBody;
        }
        catch (JsonException)
        {
            // not JSON: keep the header's type
        }
        return header ?? "application/octet-stream";
    }
}
