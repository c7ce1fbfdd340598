using System.Text.Json;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Registry;

/// <summary>The parts of an image config the push needs: its platform and the digests of its uncompressed layers.</summary>
internal sealed record ImageConfig(Platform Platform, IReadOnlyList<string> DiffIds)
{
    public static ImageConfig Read(byte[] config)
    {
        try
        {
            using var document = JsonDocument.Parse(config);
            var root = document.RootElement;
            var os = Field(root, "os") ?? throw new SlipwayException("the image config names no 'os'");
            var architecture = Field(root, "architecture") ?? throw new SlipwayException("the image config names no 'architecture'");
            var diffIds = root.TryGetProperty("rootfs", out var rootfs) && rootfs.TryGetProperty("diff_ids", out var ids)
                ? ids.EnumerateArray().Select(i => i.GetString() ?? "").ToList()
                : [];
            return new ImageConfig(new Platform(os, architecture, Field(root, "variant")), diffIds);
        }
        catch (JsonException e)
        {
            throw new SlipwayException($"the image config is not valid JSON: {e.Message}", e);
        }
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
