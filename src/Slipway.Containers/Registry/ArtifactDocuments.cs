using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// Writes OCI 1.1 image manifests with an <c>artifactType</c>, a <c>subject</c> and annotated layers, and the
/// referrers index of the tag schema, as compact JSON with a fixed property order and annotations sorted by key, so
/// the same inputs give the same bytes.
/// </summary>
internal static class ArtifactDocuments
{
    public static byte[] Manifest(
        string? artifactType, ContentDescriptor config, IReadOnlyList<AnnotatedDescriptor> layers,
        ContentDescriptor? subject, IReadOnlyDictionary<string, string>? annotations) =>
        ManifestDocuments.Write(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", MediaTypes.OciManifest);
            if (artifactType is not null)
                writer.WriteString("artifactType", artifactType);
            writer.WritePropertyName("config");
            Descriptor(writer, config);
            writer.WriteStartArray("layers");
            foreach (var layer in layers)
                Descriptor(writer, layer.Descriptor, annotations: layer.Annotations);
            writer.WriteEndArray();
            if (subject is not null)
            {
                writer.WritePropertyName("subject");
                Descriptor(writer, subject);
            }
            Annotations(writer, annotations);
        });

    /// <summary>An OCI index over referrer descriptors: the entries kept as they were, then the new ones.</summary>
    public static byte[] ReferrersIndex(IEnumerable<JsonElement> kept, IEnumerable<ReferrerDescriptor> added) =>
        ManifestDocuments.Write(writer =>
        {
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", MediaTypes.OciIndex);
            writer.WriteStartArray("manifests");
            foreach (var entry in kept)
                entry.WriteTo(writer);
            foreach (var referrer in added)
                Descriptor(writer, referrer.Manifest, referrer.ArtifactType, referrer.Annotations);
            writer.WriteEndArray();
        });

    private static void Descriptor(
        Utf8JsonWriter writer, ContentDescriptor descriptor, string? artifactType = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", descriptor.MediaType);
        writer.WriteString("digest", descriptor.Digest);
        writer.WriteNumber("size", descriptor.Size);
        if (artifactType is not null)
            writer.WriteString("artifactType", artifactType);
        Annotations(writer, annotations);
        writer.WriteEndObject();
    }

    private static void Annotations(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null || annotations.Count == 0)
            return;
        writer.WriteStartObject("annotations");
        foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }
}
