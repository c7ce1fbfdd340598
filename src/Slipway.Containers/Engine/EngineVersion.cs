using System.Text.Json.Serialization;

namespace Slipway.Containers.Engine;

/// <summary><c>GET /version</c>.</summary>
internal sealed record EngineVersion(
    [property: JsonPropertyName("Version")] string? Number,
    [property: JsonPropertyName("ApiVersion")] string? ApiVersion,
    [property: JsonPropertyName("Os")] string? Os,
    [property: JsonPropertyName("Arch")] string? Arch);
