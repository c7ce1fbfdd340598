using System.Text.Json;

namespace Slipway.Containers.Engine;

/// <summary>What <c>GET /version</c> answers that Slipway reads.</summary>
internal sealed record EngineVersion(string? Number, string? ApiVersion, string? Os, string? Arch)
{
    public static EngineVersion From(JsonElement json) =>
        new(json.Text("Version"), json.Text("ApiVersion"), json.Text("Os"), json.Text("Arch"));
}
