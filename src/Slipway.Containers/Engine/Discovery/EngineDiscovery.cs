namespace Slipway.Containers.Engine.Discovery;

/// <summary>
/// The engine found as the Docker CLI finds it: <c>--docker-host</c>/DOCKER_HOST, DOCKER_CONTEXT, the CLI's current
/// context, then the default socket, the rootless one (<c>$XDG_RUNTIME_DIR/docker.sock</c>) and Docker Desktop's
/// (<c>~/.docker/run/docker.sock</c>); the first that names one wins. With none of them, the default socket (which a
/// Debian machine can be provisioned with).
/// </summary>
public static class EngineDiscovery
{
    /// <summary>The sockets tried when nothing names an engine, also what the context <c>default</c> means.</summary>
    private static IReadOnlyList<IEngineSource> DefaultSockets { get; } =
    [
        new SocketFileSource("default socket", _ => EngineEndpoint.Default.SocketPath),
        new SocketFileSource("rootless socket", lookup => lookup.Variable("XDG_RUNTIME_DIR") is { } run ? Path.Combine(run, "docker.sock") : null),
        new SocketFileSource("Docker Desktop's socket", lookup => lookup.Variable("HOME") is { } home ? Path.Combine(home, ".docker", "run", "docker.sock") : null),
    ];

    // after DefaultSockets: static initializers run in order
    private static IReadOnlyList<IEngineSource> Sources { get; } =
    [
        new DockerHostSource(),
        new DockerContextVariableSource(),
        new CurrentContextSource(),
        .. DefaultSockets,
    ];

    public static FoundEngine Find(IReadOnlyDictionary<string, string> environment, string? dockerHost = null) =>
        InEnvironment(FirstOf(Sources, new EngineLookup(environment, dockerHost)), environment);

    /// <summary>The engine of an <c>--engines platform=ENGINE</c> route: a URL, or the name of a Docker CLI context.</summary>
    public static FoundEngine FindRoute(string engine, IReadOnlyDictionary<string, string> environment)
    {
        var found = engine.Contains("://", StringComparison.Ordinal) || engine.StartsWith('/')
            ? new FoundEngine(EngineEndpoint.Parse(engine, origin: "--engines"), "--engines")
            : DockerContextStore.Require(new EngineLookup(environment), engine.Trim(), "--engines");
        return InEnvironment(found, environment);
    }

    private static FoundEngine InEnvironment(FoundEngine found, IReadOnlyDictionary<string, string> environment) =>
        found with { Endpoint = found.Endpoint.WithEnvironment(environment) };

    /// <summary>The context <c>default</c>: DOCKER_HOST, else the default sockets.</summary>
    internal static FoundEngine DefaultContext(EngineLookup lookup) =>
        FirstOf([new DockerHostSource(), .. DefaultSockets], lookup with { DockerHost = null });

    private static FoundEngine FirstOf(IEnumerable<IEngineSource> sources, EngineLookup lookup) =>
        sources.Select(source => source.Find(lookup)).FirstOrDefault(found => found is not null)
        ?? new FoundEngine(EngineEndpoint.Default, "default socket");
}
