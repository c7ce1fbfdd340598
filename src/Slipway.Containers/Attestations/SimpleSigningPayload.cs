using System.Text;
using System.Text.Json;

namespace Slipway.Containers.Attestations;

/// <summary>
/// cosign's payload, the "simple signing" JSON of containers/image: the repository the image is known by
/// (<c>critical.identity.docker-reference</c>), the manifest digest signed (<c>critical.image.docker-manifest-digest</c>)
/// and the type <c>cosign container image signature</c>; <c>optional</c> is null. Written compact, in cosign's order.
/// </summary>
public sealed record SimpleSigningPayload(string DockerReference, string ManifestDigest)
{
    public const string MediaType = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string SignatureType = "cosign container image signature";

    public byte[] ToBytes() =>
        Encoding.UTF8.GetBytes(
            "{\"critical\":{\"identity\":{\"docker-reference\":" + JsonSerializer.Serialize(DockerReference)
            + "},\"image\":{\"docker-manifest-digest\":" + JsonSerializer.Serialize(ManifestDigest)
            + "},\"type\":\"" + SignatureType + "\"},\"optional\":null}");

    /// <summary>The payload, or null with the reason when it is not a cosign container image signature.</summary>
    public static SimpleSigningPayload? Read(ReadOnlySpan<byte> content, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToArray());
            var critical = document.RootElement.GetProperty("critical");
            var type = critical.GetProperty("type").GetString();
            if (type != SignatureType)
            {
                problem = $"the payload's type is '{type}', not '{SignatureType}'";
                return null;
            }
            problem = null;
            return new SimpleSigningPayload(
                critical.GetProperty("identity").GetProperty("docker-reference").GetString() ?? "",
                critical.GetProperty("image").GetProperty("docker-manifest-digest").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"the payload is not simple-signing JSON ({e.Message})";
            return null;
        }
    }
}
