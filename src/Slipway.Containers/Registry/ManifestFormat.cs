namespace Slipway.Containers.Registry;

/// <summary>Which manifest family <see cref="ImagePusher"/> writes; the index follows its children.</summary>
public enum ManifestFormat
{
    /// <summary>OCI image manifest, config and gzip layers; indexes are OCI image indexes.</summary>
    Oci,

    /// <summary>Docker image manifest v2 schema 2; indexes are Docker manifest lists.</summary>
    Docker,
}
