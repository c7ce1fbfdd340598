namespace Slipway.Containers.Registry;

/// <summary>The outcome of pushing one blob and the body bytes written to the registry for it (retries included).</summary>
public sealed record BlobPushResult(string Digest, BlobPushOutcome Outcome, long BytesSent);
