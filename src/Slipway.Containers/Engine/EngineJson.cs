using System.Text.Json;

namespace Slipway.Containers.Engine;

/// <summary>Reading the engine's answers with <see cref="JsonDocument"/>: no serializer set-up, which costs 30-40 ms
/// on its first use in a fresh process, even source-generated.</summary>
internal static class EngineJson
{
    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? Text(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
