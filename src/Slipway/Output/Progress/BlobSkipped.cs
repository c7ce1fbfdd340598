namespace Slipway.Output.Progress;

/// <summary>A blob needed no upload.</summary>
/// <param name="Reason">Why, in a few words: <c>the registry has it</c>, <c>mounted from acme/voice-builder</c>.</param>
public sealed record BlobSkipped(string Push, string Digest, long Size, string Reason) : ProgressEvent;
