using System.Text.Json;

namespace Slipway.Containers.Compose;

/// <summary>The services of a Compose file as the Compose CLI itself normalises them (<c>config --format json</c>:
/// profiles, interpolation and extends resolved), and the one Slipway builds.</summary>
internal sealed record ComposeServices(IReadOnlyList<string> All, IReadOnlyList<string> Built)
{
    public static ComposeServices Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var services = document.RootElement.TryGetProperty("services", out var found) && found.ValueKind == JsonValueKind.Object
            ? found.EnumerateObject().ToArray()
            : [];
        return new ComposeServices(
            services.Select(service => service.Name).Order(StringComparer.Ordinal).ToArray(),
            services.Where(service => service.Value.TryGetProperty("build", out _)).Select(service => service.Name)
                .Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Slipway's service: the one given, or the only one with a <c>build:</c> section.</summary>
    public string Choose(string? given, string composeFile)
    {
        if (given is { Length: > 0 })
            return All.Contains(given)
                ? given
                : throw new SlipwayException($"service '{given}' is not in {composeFile} (its services: {string.Join(", ", All)})");
        return Built switch
        {
            [var only] => only,
            [] => throw new SlipwayException($"no service in {composeFile} has a build: section, so none runs Slipway's app image: name one with --service"),
            _ => throw new SlipwayException($"several services in {composeFile} are built ({string.Join(", ", Built)}): choose Slipway's with --service"),
        };
    }
}
