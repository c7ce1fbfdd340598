namespace Slipway.Containers.Components;

/// <summary>The app index the tags point at and the digest of its cosign signature manifest.</summary>
internal sealed record PushedIndexSignature(string Index, string Signature);
