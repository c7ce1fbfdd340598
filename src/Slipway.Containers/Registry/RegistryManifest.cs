namespace Slipway.Containers.Registry;

/// <summary>A manifest or index as stored in the registry: its descriptor and the exact bytes the digest covers.</summary>
public sealed record RegistryManifest(ContentDescriptor Descriptor, byte[] Content)
{
    public string Digest => Descriptor.Digest;

    public string MediaType => Descriptor.MediaType;

    public long Size => Descriptor.Size;
}
