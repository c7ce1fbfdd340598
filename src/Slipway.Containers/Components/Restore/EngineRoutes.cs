using Slipway.Containers.Engine.Discovery;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>Parses <c>--engines linux/arm64=ssh://me@arm-host</c> or <c>linux/arm64=arm-builder</c> (a Docker CLI
/// context): which platforms build on an engine of their own.</summary>
internal static class EngineRoutes
{
    public static IReadOnlyDictionary<Platform, FoundEngine> Parse(IEnumerable<string> routes, IReadOnlyDictionary<string, string> environment)
    {
        var parsed = new Dictionary<Platform, FoundEngine>();
        foreach (var route in routes)
        {
            var separator = route.IndexOf('=');
            if (separator <= 0 || separator == route.Length - 1)
                throw new SlipwayException($"invalid engine route '{route}': expected platform=endpoint or platform=context, e.g. linux/arm64=ssh://me@arm-host");
            var platform = Platform.Parse(route[..separator]);
            if (!parsed.TryAdd(platform, EngineDiscovery.FindRoute(route[(separator + 1)..], environment)))
                throw new SlipwayException($"platform {platform} is routed to two engines");
        }
        return parsed;
    }
}
