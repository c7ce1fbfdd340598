namespace Slipway.Output.Progress;

/// <summary>Bytes of a blob went to the registry.</summary>
/// <param name="Sent">How far into the blob the upload is (a resumed upload starts at its offset, not at 0).</param>
/// <param name="Size">The blob's size.</param>
public sealed record BlobProgressed(string Push, string Digest, long Sent, long Size) : ProgressEvent;
