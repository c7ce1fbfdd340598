namespace Slipway.Containers.Registry;

/// <summary>How <see cref="ImagePusher"/> writes an image.</summary>
public sealed record ImagePushOptions
{
    public static ImagePushOptions Default { get; } = new();

    public ManifestFormat Format { get; init; } = ManifestFormat.Oci;

    /// <summary>Repositories of the same registry to mount missing blobs from (e.g. the builder's, for the app image).</summary>
    public IReadOnlyList<string> MountFrom { get; init; } = [];

    /// <summary>Which blob holds which layer, from earlier pushes: unchanged layers the registry has are not compressed again.</summary>
    public LayerDigestCache? LayerCache { get; init; }

    /// <summary>Gzipped layers of earlier pushes, by diff id: a layer found there is not compressed again, whatever the
    /// registry; one compressed here is kept there.</summary>
    public CompressedLayerStore? LayerStore { get; init; }

    /// <summary>Where the archive is unpacked and layers are compressed; the system temp folder when unset.</summary>
    public string? WorkDirectory { get; init; }
}
