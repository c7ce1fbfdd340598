using System.Net;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Whether the repository has the blob (HEAD <c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>).</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        if (ReferenceGrammar.CheckDigest(digest) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        var operation = PullFrom(repository);
        var request = new RegistryRequest(HttpMethod.Head, ApiUri($"v2/{repository}/blobs/{digest}"), ScopeSet.For(repository, RepositoryAccess.Pull));
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return false;
            return response.IsSuccessStatusCode ? true : throw await RefusedAsync(response, operation, token);
        }, cancellationToken);
    }

    /// <summary>A small blob (e.g. an image config) read whole and checked against its digest; null when missing.</summary>
    public async Task<byte[]?> GetBlobAsync(string repository, string digest, long maxBytes = 4 * 1024 * 1024, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        if (ReferenceGrammar.CheckDigest(digest) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        var operation = PullFrom(repository);
        var request = new RegistryRequest(HttpMethod.Get, ApiUri($"v2/{repository}/blobs/{digest}"), ScopeSet.For(repository, RepositoryAccess.Pull));
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            // registries may redirect blob reads to storage; HttpClient drops the Authorization header on redirects
            using var response = await SendAsync(request, operation, token);
            var content = await ReadBoundedAsync(response, operation, $"blob {digest} in {repository}", maxBytes, token);
            if (content is null)
                return null;
            return ContentDigest.Of(content) == digest
                ? content
                : throw new SlipwayException($"registry {Registry} answered blob {digest} of {repository} with other content");
        }, cancellationToken);
    }

    /// <summary>
    /// Makes sure the repository has the blob, doing as little as possible: nothing when it is already there, a
    /// cross-repository mount from one of <paramref name="mountFrom"/> when the registry allows it, else an upload
    /// (into the session a refused mount opened, when it opened one).
    /// </summary>
    public async Task<BlobPushResult> PushBlobAsync(
        string repository, BlobSource blob, IReadOnlyList<string>? mountFrom = null, CancellationToken cancellationToken = default)
    {
        if (await BlobExistsAsync(repository, blob.Digest, cancellationToken))
            return new BlobPushResult(blob.Digest, BlobPushOutcome.AlreadyPresent, 0);

        Uri? session = null;
        foreach (var source in (mountFrom ?? []).Where(s => s != repository).Distinct())
        {
            CheckRepository(source);
            var (mounted, location) = await MountAsync(repository, blob.Digest, source, cancellationToken);
            if (mounted)
                return new BlobPushResult(blob.Digest, BlobPushOutcome.Mounted, 0);
            session ??= location;
        }
        var sent = await UploadAsync(repository, blob, session, cancellationToken);
        return new BlobPushResult(blob.Digest, BlobPushOutcome.Uploaded, sent);
    }

    /// <summary>Uploads a blob whether or not it is there already; returns the body bytes sent, retries included.</summary>
    public async Task<long> UploadBlobAsync(string repository, BlobSource blob, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        return await UploadAsync(repository, blob, session: null, cancellationToken);
    }

    /// <summary><c>POST /v2/&lt;name&gt;/blobs/uploads/?mount=&lt;digest&gt;&amp;from=&lt;source&gt;</c>: 201 mounted, 202 an upload session instead.</summary>
    private async Task<(bool Mounted, Uri? Session)> MountAsync(string repository, string digest, string source, CancellationToken cancellationToken)
    {
        var operation = $"mount of {digest} from {source} into {repository}";
        var scopes = ScopeSet.For(repository, RepositoryAccess.Push).Union(ScopeSet.For(source, RepositoryAccess.Pull));
        var uri = ApiUri($"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(source)}");
        var request = new RegistryRequest(HttpMethod.Post, uri, scopes) { Content = () => new ByteArrayContent([]) };
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            return response.StatusCode switch
            {
                HttpStatusCode.Created => (true, (Uri?)null),
                HttpStatusCode.Accepted => (false, Resolve(response.Headers.Location, operation)),
                _ => throw await RefusedAsync(response, operation, token),
            };
        }, cancellationToken);
    }
}
