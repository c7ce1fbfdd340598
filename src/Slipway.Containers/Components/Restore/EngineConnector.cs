using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Discovery;

namespace Slipway.Containers.Components;

/// <summary>The engine clients of a run: the one the Docker CLI would use (<see cref="EngineDiscovery"/>, with
/// <c>--docker-host</c> first) and those of <c>--engines</c>; nothing is contacted yet.</summary>
internal static class EngineConnector
{
    public static ContainerEngines Connect(string? dockerHost, IEnumerable<string> engines, IReadOnlyDictionary<string, string> environment)
    {
        var routes = EngineRoutes.Parse(engines, environment);
        var primary = new ContainerEngine(EngineDiscovery.Find(environment, dockerHost));
        return new ContainerEngines(primary, routes.ToDictionary(route => route.Key, route => new ContainerEngine(route.Value)));
    }
}
