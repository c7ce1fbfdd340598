namespace Slipway.Targets.Incremental;

/// <summary>One named input of a target (a file relative to the root, or a value) and the SHA-256 of its content.</summary>
public sealed record InputDigest(string Name, string Sha256);
