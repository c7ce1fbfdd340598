using System.Globalization;
using System.Text.Json;

namespace Slipway.Containers.Engine;

/// <summary>What <c>GET /images/{name}/json</c> answers that Slipway reads.</summary>
internal sealed record EngineImage(
    string Id, string[] RepoTags, string? Os, string? Architecture, string? Variant, long Size, DateTimeOffset? Created,
    IReadOnlyDictionary<string, string> Labels, string? User)
{
    public static EngineImage From(JsonElement json)
    {
        var config = json.TryGetProperty("Config", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var map) && map.ValueKind == JsonValueKind.Object)
            foreach (var label in map.EnumerateObject())
                labels[label.Name] = label.Value.GetString() ?? "";
        var tags = json.TryGetProperty("RepoTags", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(tag => tag.GetString()).OfType<string>().ToArray()
            : [];
        return new EngineImage(
            json.Text("Id") ?? "", tags, json.Text("Os"), json.Text("Architecture"), json.Text("Variant"),
            json.TryGetProperty("Size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0,
            CreatedTime(json.Text("Created")), labels,
            config.ValueKind == JsonValueKind.Object ? config.Text("User") : null);
    }

    /// <summary>The engine writes nanoseconds (<c>2026-12-05T16:59:55.123456789Z</c>); .NET reads at most seven digits.</summary>
    private static DateTimeOffset? CreatedTime(string? text) =>
        text is { Length: > 0 } && DateTimeOffset.TryParse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
            return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        return end - dot - 1 <= 7 ? text : text[..(dot + 8)] + text[end..];
    }
}
