using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Registry;

/// <summary>
/// Writes image manifests and indexes as compact JSON with a fixed property order, so that the same inputs always
/// give the same bytes and so the same digest. Media types keep their '+' unescaped, as registries and tools write them.
/// </summary>
internal static class ManifestDocuments
{
    public static byte[] ImageManifest(ManifestFormat format, ContentDescriptor config, IReadOnlyList<ContentDescriptor> layers) =>
        Write(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", format == ManifestFormat.Oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest);
            writer.WritePropertyName("config");
            Descriptor(writer, config);
            writer.WriteStartArray("layers");
            foreach (var layer in layers)
                Descriptor(writer, layer);
            writer.WriteEndArray();
        });

    public static byte[] Index(string mediaType, IEnumerable<PlatformManifest> children) =>
        Write(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", mediaType);
            writer.WriteStartArray("manifests");
            foreach (var child in children)
                Descriptor(writer, child.Manifest, child.Platform);
            writer.WriteEndArray();
        });

    private static void Descriptor(Utf8JsonWriter writer, ContentDescriptor descriptor, Platform? platform = null)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", descriptor.MediaType);
        writer.WriteString("digest", descriptor.Digest);
        writer.WriteNumber("size", descriptor.Size);
        if (platform is not null)
        {
            writer.WriteStartObject("platform");
            writer.WriteString("architecture", platform.Architecture);
            writer.WriteString("os", platform.Os);
            if (platform.Variant is not null)
                writer.WriteString("variant", platform.Variant);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>One compact JSON object with media types' '+' unescaped: the shape of every document Slipway writes to a registry.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
