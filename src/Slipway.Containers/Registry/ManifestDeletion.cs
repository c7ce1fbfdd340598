namespace Slipway.Containers.Registry;

/// <summary>How a manifest delete ended.</summary>
public enum ManifestDeletion
{
    Deleted,
    NotFound,

    /// <summary>The registry does not allow deletes (distribution answers 405 UNSUPPORTED unless enabled).</summary>
    Unsupported,
}
