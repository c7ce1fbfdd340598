namespace Slipway.Containers.Registry;

/// <summary>What one image push did: blob body bytes written (retries included) and how each blob got there.</summary>
public sealed record PushReport(long BytesSent, int BlobsUploaded, int BlobsSkipped, int BlobsMounted, TimeSpan Elapsed)
{
    internal static PushReport From(IReadOnlyList<BlobPushResult> blobs, TimeSpan elapsed) => new(
        blobs.Sum(b => b.BytesSent),
        blobs.Count(b => b.Outcome == BlobPushOutcome.Uploaded),
        blobs.Count(b => b.Outcome == BlobPushOutcome.AlreadyPresent),
        blobs.Count(b => b.Outcome == BlobPushOutcome.Mounted),
        elapsed);
}
