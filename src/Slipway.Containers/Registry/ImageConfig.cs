using System.Text.Json;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Registry;

/// <summary>The parts of an image config Slipway reads: its platform, the digests of its uncompressed layers and its labels.</summary>
internal sealed record ImageConfig(Platform Platform, IReadOnlyList<string> DiffIds, IReadOnlyDictionary<string, string> Labels)
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
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("config", out var settings) && settings.ValueKind == JsonValueKind.Object
                && settings.TryGetProperty("Labels", out var declared) && declared.ValueKind == JsonValueKind.Object)
                foreach (var label in declared.EnumerateObject().Where(label => label.Value.ValueKind == JsonValueKind.String))
                    labels[label.Name] = label.Value.GetString()!;
            return new ImageConfig(new Platform(os, architecture, Field(root, "variant")), diffIds, labels);
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
