using System.Net;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Uploads a blob: one PUT up to <see cref="RegistryClientOptions.MonolithicUploadLimit"/>, else PATCH chunks and a
    /// closing PUT. Each step is retried on its own (a chunk resumes from the offset the registry reports); when the
    /// registry has lost the session, the upload starts again, a bounded number of times. The registry checks the
    /// digest on the closing PUT and this client checks the digest it reports back.
    /// </summary>
    private async Task<long> UploadAsync(string repository, BlobSource blob, Uri? session, CancellationToken cancellationToken)
    {
        var operation = PushTo(repository);
        var scopes = ScopeSet.For(repository, RepositoryAccess.Push);
        long sent = 0;
        void Count(long bytes) => Interlocked.Add(ref sent, bytes);
        for (var round = 1; ; round++)
        {
            try
            {
                var cursor = new UploadCursor(session ?? await StartUploadAsync(repository, scopes, operation, cancellationToken));
                session = null;
                if (blob.Size > options.MonolithicUploadLimit)
                {
                    while (cursor.Offset < blob.Size)
                        await PatchAsync(cursor, blob, Math.Min(blob.Size, cursor.Offset + options.ChunkSize), scopes, operation, Count, cancellationToken);
                }
                await CloseAsync(cursor, blob, scopes, operation, Count, cancellationToken);
                return Interlocked.Read(ref sent);
            }
            catch (UploadSessionLostException lost)
            {
                if (await BlobExistsAsync(repository, blob.Digest, cancellationToken))
                    return Interlocked.Read(ref sent); // the closing step landed, only its answer was lost
                if (round >= options.MaxAttempts)
                    throw new SlipwayException(
                        $"registry {Registry} failed {operation}: the upload of {blob.Digest} was lost {round} times: {lost.Error.Text}", lost);
                options.Logger.Warning("Registry {Registry}: upload of {Digest} to {Repository} lost ({Reason}); starting it again",
                    Registry, blob.Digest, repository, lost.Error.Text);
            }
        }
    }

    private Task<Uri> StartUploadAsync(string repository, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Post, ApiUri($"v2/{repository}/blobs/uploads/"), scopes)
        {
            Content = () => new ByteArrayContent([]),
        };
        return ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            return response.StatusCode == HttpStatusCode.Accepted
                ? Resolve(response.Headers.Location, operation)
                : throw await RefusedAsync(response, operation, token);
        }, cancellationToken);
    }

    /// <summary>Sends the bytes up to <paramref name="end"/>; a retry first asks the registry how much it already holds.</summary>
    private Task PatchAsync(UploadCursor cursor, BlobSource blob, long end, ScopeSet scopes, string operation, Action<long> count, CancellationToken cancellationToken)
    {
        var retrying = false;
        return ExecuteAsync(operation, upload: true, async token =>
        {
            if (retrying)
                await RefreshAsync(cursor, scopes, operation, token);
            retrying = true;
            if (cursor.Offset >= end)
                return true;
            var start = cursor.Offset;
            var request = new RegistryRequest(HttpMethod.Patch, cursor.Location, scopes)
            {
                Content = () =>
                {
                    var content = new BlobSegmentContent(blob, start, end - start, count);
                    content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{end - 1}");
                    return content;
                },
            };
            using var response = await SendAsync(request, operation, token);
            if (!response.IsSuccessStatusCode)
                throw await UploadFailureAsync(response, operation, token);
            cursor.Location = response.Headers.Location is null ? cursor.Location : Resolve(response.Headers.Location, operation);
            cursor.Offset = UploadCursor.RangeEnd(response) ?? end;
            return true;
        }, cancellationToken);
    }

    /// <summary><c>GET</c> on the session: its current location and the bytes it holds.</summary>
    private async Task RefreshAsync(UploadCursor cursor, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new RegistryRequest(HttpMethod.Get, cursor.Location, scopes), operation, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await UploadFailureAsync(response, operation, cancellationToken);
        cursor.Location = response.Headers.Location is null ? cursor.Location : Resolve(response.Headers.Location, operation);
        cursor.Offset = UploadCursor.RangeEnd(response) ?? 0;
        options.Logger.Debug("Registry {Registry}: resuming an upload at byte {Offset}", Registry, cursor.Offset);
    }

    /// <summary>The closing <c>PUT ?digest=</c>, with the rest of the bytes (all of them for a monolithic upload).</summary>
    private Task CloseAsync(UploadCursor cursor, BlobSource blob, ScopeSet scopes, string operation, Action<long> count, CancellationToken cancellationToken)
    {
        var separator = cursor.Location.Query.Length > 0 ? "&" : "?";
        var uri = new Uri(cursor.Location + separator + "digest=" + Uri.EscapeDataString(blob.Digest));
        var start = cursor.Offset;
        var request = new RegistryRequest(HttpMethod.Put, uri, scopes)
        {
            Content = () => new BlobSegmentContent(blob, start, blob.Size - start, count),
        };
        return ExecuteAsync(operation, upload: true, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (!response.IsSuccessStatusCode)
                throw await UploadFailureAsync(response, operation, token);
            if (DigestHeader(response) is { } stored && stored != blob.Digest)
                throw new SlipwayException($"registry {Registry} stored blob {blob.Digest} as {stored} during {operation}");
            return true;
        }, cancellationToken);
    }

    private async Task<Exception> UploadFailureAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var error = await RegistryError.ReadAsync(response, cancellationToken);
        var lost = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestedRangeNotSatisfiable
            || error.Has("BLOB_UPLOAD_UNKNOWN") || error.Has("BLOB_UPLOAD_INVALID") || error.Has("RANGE_INVALID");
        return lost
            ? new UploadSessionLostException(error)
            : new SlipwayException($"registry {Registry} refused {operation}: {error.Text}");
    }
}
