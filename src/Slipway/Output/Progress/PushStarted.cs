namespace Slipway.Output.Progress;

/// <summary>A push of one image started.</summary>
/// <param name="Push">What is pushed, as the user knows it: <c>push linux/arm64</c>.</param>
/// <param name="Blobs">How many blobs (layers and config) the image has.</param>
/// <param name="Bytes">Their total size; blobs the registry turns out to have are taken off it when skipped.</param>
public sealed record PushStarted(string Push, int Blobs, long Bytes) : ProgressEvent;
