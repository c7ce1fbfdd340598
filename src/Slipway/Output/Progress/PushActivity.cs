namespace Slipway.Output.Progress;

/// <summary>A push on the board: bytes sent per blob, what was skipped, and the rate of the whole and of each blob.</summary>
internal sealed class PushActivity(string push, DateTimeOffset started, int blobCount, long bytes)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Blob> _blobs = new(StringComparer.Ordinal);
    private readonly RateMeter _rate = Seeded(started);
    private long _total = bytes;

    public string Push { get; } = push;

    public void Apply(ProgressEvent progress, DateTimeOffset now)
    {
        switch (progress)
        {
            case BlobProgressed moved:
                var moving = BlobFor(moved.Digest, moved.Size, now);
                moving.Sent = Math.Clamp(moved.Sent, 0, moved.Size);
                moving.Rate.Add(now, moving.Sent);
                break;
            case BlobFinished finished:
                var done = BlobFor(finished.Digest, finished.Size, now);
                done.State = BlobState.Done;
                done.Sent = finished.Size;
                break;
            case BlobSkipped skipped when BlobFor(skipped.Digest, skipped.Size, now) is { State: not BlobState.Skipped } unsent:
                unsent.State = BlobState.Skipped;
                unsent.Reason = skipped.Reason;
                unsent.Sent = 0;
                _total = Math.Max(0, _total - skipped.Size);
                break;
        }
        _rate.Add(now, Sent);
    }

    public PushRow ToRow(DateTimeOffset now) => new(
        Push, started, blobCount, _total, Sent, _rate.PerSecond(now),
        [.. _order.Select(digest => _blobs[digest]).Select(blob => new BlobRow(
            blob.Digest, blob.Size, blob.Sent, blob.State, blob.Reason, blob.State == BlobState.Uploading ? blob.Rate.PerSecond(now) : null))]);

    private long Sent => _blobs.Values.Sum(blob => blob.Sent);

    private Blob BlobFor(string digest, long size, DateTimeOffset now)
    {
        if (_blobs.TryGetValue(digest, out var blob))
            return blob;
        blob = new Blob(digest, size);
        _blobs.Add(digest, blob);
        _order.Add(digest);
        return blob;
    }

    private static RateMeter Seeded(DateTimeOffset started)
    {
        var meter = new RateMeter();
        meter.Add(started, 0);
        return meter;
    }

    private sealed class Blob(string digest, long size)
    {
        public string Digest { get; } = digest;

        public long Size { get; } = size;

        public long Sent { get; set; }

        public BlobState State { get; set; } = BlobState.Uploading;

        public string? Reason { get; set; }

        public RateMeter Rate { get; } = new();
    }
}
