namespace Slipway.Output.Progress;

/// <summary>A running push: its bytes sent of those it has to send (skipped blobs taken off), its rate and blobs.</summary>
internal sealed record PushRow(
    string Push, DateTimeOffset Started, int BlobCount, long Total, long Sent, double? Rate, IReadOnlyList<BlobRow> Blobs)
{
    public int Skipped => Blobs.Count(blob => blob.State == BlobState.Skipped);

    public int Done => Blobs.Count(blob => blob.State == BlobState.Done);
}
