using System.Net;
using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

/// <summary>A request body of a segment of a blob (its length from its offset), counting what it writes.</summary>
internal sealed class BlobSegmentContent : HttpContent
{
    private const int BufferSize = 128 * 1024;
    private readonly BlobSource blob;
    private readonly long offset;
    private readonly long length;
    private readonly Action<long> sent;

    public BlobSegmentContent(BlobSource blob, long offset, long length, Action<long> sent)
    {
        this.blob = blob;
        this.offset = offset;
        this.length = length;
        this.sent = sent;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = blob.Open();
        await SkipAsync(source, offset, cancellationToken);
        var buffer = new byte[BufferSize];
        var remaining = length;
        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
                throw new InvalidDataException($"blob {blob.Digest} ended {remaining} bytes early: its source changed after its digest was taken");
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
            sent(read);
        }
    }

    protected override bool TryComputeLength(out long size)
    {
        size = length;
        return true;
    }

    private static async Task SkipAsync(Stream source, long count, CancellationToken cancellationToken)
    {
        if (count == 0)
            return;
        if (source.CanSeek)
        {
            source.Seek(count, SeekOrigin.Begin);
            return;
        }
        var buffer = new byte[BufferSize];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
                throw new InvalidDataException("blob source ended before the resume offset");
            count -= read;
        }
    }
}
