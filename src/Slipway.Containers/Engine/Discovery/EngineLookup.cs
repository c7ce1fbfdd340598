namespace Slipway.Containers.Engine.Discovery;

/// <summary>What the engine is looked for in: the run's environment (never the process's) and <c>--docker-host</c>.</summary>
public sealed record EngineLookup(IReadOnlyDictionary<string, string> Environment, string? DockerHost = null)
{
    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The Docker CLI's configuration folder: DOCKER_CONFIG, else ~/.docker; null without HOME.</summary>
    public string? ConfigFolder =>
        Variable("DOCKER_CONFIG") ?? (Variable("HOME") is { } home ? Path.Combine(home, ".docker") : null);

    public DockerContextStore? Contexts => ConfigFolder is { } folder ? new DockerContextStore(folder) : null;
}
