namespace Slipway.Output.Progress;

/// <summary>A blob's upload completed: the registry has all of it.</summary>
public sealed record BlobFinished(string Push, string Digest, long Size) : ProgressEvent;
