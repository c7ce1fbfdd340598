using System.Text.Json.Serialization;

namespace Slipway.Containers.Engine;

/// <summary>The part of an image's config that <see cref="EngineImage"/> carries.</summary>
internal sealed record EngineImageConfig(
    [property: JsonPropertyName("Labels")] Dictionary<string, string>? Labels,
    [property: JsonPropertyName("User")] string? User);
