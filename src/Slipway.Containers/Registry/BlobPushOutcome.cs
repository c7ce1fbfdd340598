namespace Slipway.Containers.Registry;

/// <summary>How a blob came to be in the repository.</summary>
public enum BlobPushOutcome
{
    AlreadyPresent,
    Mounted,
    Uploaded,
}
