namespace Slipway.Containers.Registry;

/// <summary>The registry no longer knows an upload session (BLOB_UPLOAD_UNKNOWN/INVALID, RANGE_INVALID): start the upload again.</summary>
internal sealed class UploadSessionLostException(RegistryError error) : Exception(error.Text)
{
    public RegistryError Error { get; } = error;
}
