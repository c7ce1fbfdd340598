namespace Slipway.Containers.Registry;

/// <summary>A layer ready for the registry: the gzip file, its digest and size, and the digest of the tar inside (diff id).</summary>
internal sealed record CompressedLayer(string Path, string Digest, long Size, string DiffId)
{
    public BlobSource ToBlob() => new(Digest, Size, () => File.OpenRead(Path));
}
