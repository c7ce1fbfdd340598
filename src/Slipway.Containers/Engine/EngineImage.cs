using System.Globalization;
using System.Text.Json.Serialization;

namespace Slipway.Containers.Engine;

/// <summary><c>GET /images/{name}/json</c>.</summary>
internal sealed record EngineImage(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("RepoTags")] string[]? RepoTags,
    [property: JsonPropertyName("Os")] string? Os,
    [property: JsonPropertyName("Architecture")] string? Architecture,
    [property: JsonPropertyName("Variant")] string? Variant,
    [property: JsonPropertyName("Size")] long Size,
    [property: JsonPropertyName("Created")] string? Created,
    [property: JsonPropertyName("Config")] EngineImageConfig? Config)
{
    /// <summary>The engine writes nanoseconds (<c>2026-12-05T16:59:55.123456789Z</c>); .NET reads at most seven digits.</summary>
    public DateTimeOffset? CreatedTime =>
        Created is { Length: > 0 } text && DateTimeOffset.TryParse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
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
