namespace Slipway.Containers.Registry;

/// <summary>A layer file unpacked from an image archive and the sha256 of its bytes.</summary>
internal sealed record ArchivedLayer(string Path, string FileDigest);
