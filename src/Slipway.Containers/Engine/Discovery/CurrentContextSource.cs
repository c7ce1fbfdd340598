using System.Text.Json;

namespace Slipway.Containers.Engine.Discovery;

/// <summary>The context <c>docker context use</c> chose: <c>currentContext</c> in the CLI's config.json (unless
/// DOCKER_CONTEXT chose one already).</summary>
internal sealed class CurrentContextSource : IEngineSource
{
    public FoundEngine? Find(EngineLookup lookup)
    {
        if (lookup.Variable("DOCKER_CONTEXT") is not null || lookup.ConfigFolder is not { } folder)
            return null;
        var config = Path.Combine(folder, "config.json");
        if (!File.Exists(config))
            return null;
        string? name;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(config));
            name = json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("currentContext", out var current) && current.ValueKind == JsonValueKind.String
                ? current.GetString()
                : null;
        }
        catch (JsonException failure)
        {
            throw new SlipwayException($"the Docker CLI's configuration {config} is not JSON: {failure.Message}");
        }
        return name is { Length: > 0 } && name != DockerContextStore.DefaultContext
            ? DockerContextStore.Require(lookup, name, $"currentContext in {config}")
            : null;
    }
}
