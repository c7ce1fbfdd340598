using Slipway.Containers.Engine;

namespace Slipway.Containers.Components;

/// <summary>The engine clients of a run from <c>--docker-host</c> (else DOCKER_HOST, else the local socket) and
/// <c>--engines</c>; nothing is contacted yet.</summary>
internal static class EngineConnector
{
    public static ContainerEngines Connect(string? dockerHost, IEnumerable<string> engines, IReadOnlyDictionary<string, string> environment)
    {
        var routes = EngineRoutes.Parse(engines);
        var primary = dockerHost is { Length: > 0 } host
            ? new ContainerEngine(EngineEndpoint.Parse(host))
            : ContainerEngine.FromEnvironment(environment);
        return new ContainerEngines(primary, routes.ToDictionary(route => route.Key, route => new ContainerEngine(route.Value)));
    }
}
