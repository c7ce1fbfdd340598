namespace Slipway.Output.Progress;

/// <summary>Where a blob of a push is.</summary>
internal enum BlobState
{
    Uploading,
    Done,
    Skipped,
}
