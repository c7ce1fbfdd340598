using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Writes an image's inventory as a CycloneDX 1.6 JSON SBOM: the image as <c>metadata.component</c> (type container,
/// with its manifest digest), one library component per Python distribution and Debian package, sorted by purl. The
/// same inventory, subject and time give the same bytes: the serial number is derived from the manifest digest.
/// </summary>
public static class CycloneDxSbom
{
    public const string MediaType = "application/vnd.cyclonedx+json";
    public const string SpecVersion = "1.6";

    public static byte[] Write(ImageInventory inventory, SbomSubject subject, DateTimeOffset timestamp, string toolVersion)
    {
        var components = inventory.Distributions.Select(d => (d.Purl, d.Name, d.Version, d.License))
            .Concat(inventory.Packages.Select(p => (p.Purl, p.Name, p.Version, License: (PackageLicense?)null)))
            .OrderBy(c => c.Purl, StringComparer.Ordinal)
            .ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
            writer.WriteString("bomFormat", "CycloneDX");
            writer.WriteString("specVersion", SpecVersion);
            writer.WriteString("serialNumber", SerialNumber(subject.ManifestDigest));
            writer.WriteNumber("version", 1);
            Metadata(writer, subject, timestamp, toolVersion);
            writer.WriteStartArray("components");
            foreach (var component in components)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "library");
                writer.WriteString("bom-ref", component.Purl);
                writer.WriteString("name", component.Name);
                writer.WriteString("version", component.Version);
                if (component.License is { } license)
                    License(writer, license);
                writer.WriteString("purl", component.Purl);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary><c>pkg:oci/voice@sha256%3A…?arch=amd64&amp;repository_url=ghcr.io/acme/voice</c>.</summary>
    public static string ImagePurl(SbomSubject subject)
    {
        var last = subject.Name.Split('/')[^1];
        return $"pkg:oci/{PackageUrl.Encode(last)}@{PackageUrl.Encode(subject.ManifestDigest).Replace(":", "%3A")}"
            + $"?arch={PackageUrl.Encode(subject.Platform.Architecture)}&repository_url={Uri.EscapeDataString(subject.Name).Replace("%2F", "/")}";
    }

    private static void Metadata(Utf8JsonWriter writer, SbomSubject subject, DateTimeOffset timestamp, string toolVersion)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("timestamp", AttestationTime.Format(timestamp));
        writer.WriteStartObject("tools");
        writer.WriteStartArray("components");
        writer.WriteStartObject();
        writer.WriteString("type", "application");
        writer.WriteString("name", "Slipway");
        writer.WriteString("version", toolVersion);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("component");
        writer.WriteString("type", "container");
        writer.WriteString("bom-ref", ImagePurl(subject));
        writer.WriteString("name", subject.Name);
        writer.WriteString("version", subject.ManifestDigest);
        writer.WriteStartArray("hashes");
        writer.WriteStartObject();
        writer.WriteString("alg", "SHA-256");
        writer.WriteString("content", subject.Sha256);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("purl", ImagePurl(subject));
        writer.WriteStartArray("properties");
        writer.WriteStartObject();
        writer.WriteString("name", "slipway:image:platform");
        writer.WriteString("value", subject.Platform.ToString());
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void License(Utf8JsonWriter writer, PackageLicense license)
    {
        writer.WriteStartArray("licenses");
        if (license.Expression is { } expression)
        {
            writer.WriteStartObject();
            writer.WriteString("expression", expression);
            writer.WriteEndObject();
        }
        else
        {
            foreach (var (key, value) in license.SpdxId is { } id ? [("id", id)] : license.Names.Select(n => ("name", n)))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("license");
                writer.WriteString(key, value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>An RFC 4122 name-based UUID (version 5 layout) from the manifest digest: one image, one serial number.</summary>
    private static string SerialNumber(string manifestDigest)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("slipway-sbom:" + manifestDigest))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
