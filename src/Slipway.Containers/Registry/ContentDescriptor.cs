namespace Slipway.Containers.Registry;

/// <summary>What the registry knows a piece of content by: media type, digest and size in bytes.</summary>
public sealed record ContentDescriptor(string MediaType, string Digest, long Size);
