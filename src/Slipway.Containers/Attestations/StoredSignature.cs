namespace Slipway.Containers.Attestations;

/// <summary>One layer of a cosign signature manifest: the payload bytes, the decoded signature and the layer's annotations.</summary>
public sealed record StoredSignature(byte[] Payload, byte[] Signature, IReadOnlyDictionary<string, string> Annotations);
