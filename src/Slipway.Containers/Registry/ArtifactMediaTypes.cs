namespace Slipway.Containers.Registry;

/// <summary>The media types of OCI 1.1 artifacts: the empty config an artifact manifest points at, and its two-byte blob.</summary>
public static class ArtifactMediaTypes
{
    public const string Empty = "application/vnd.oci.empty.v1+json";

    /// <summary>The empty JSON object <c>{}</c>: the config blob of every artifact manifest.</summary>
    public static ReadOnlyMemory<byte> EmptyContent { get; } = "{}"u8.ToArray();

    public static ContentDescriptor EmptyConfig { get; } = new(Empty, ContentDigest.Of(EmptyContent.Span), 2);
}
