using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>Parses <c>--engines linux/arm64=tcp://arm-host:2375</c>: which platforms build on an engine of their own.</summary>
internal static class EngineRoutes
{
    public static IReadOnlyDictionary<Platform, EngineEndpoint> Parse(IEnumerable<string> routes)
    {
        var parsed = new Dictionary<Platform, EngineEndpoint>();
        foreach (var route in routes)
        {
            var separator = route.IndexOf('=');
            if (separator <= 0 || separator == route.Length - 1)
                throw new SlipwayException($"invalid engine route '{route}': expected platform=endpoint, e.g. linux/arm64=tcp://arm-host:2375");
            var platform = Platform.Parse(route[..separator]);
            if (!parsed.TryAdd(platform, EngineEndpoint.Parse(route[(separator + 1)..])))
                throw new SlipwayException($"platform {platform} is routed to two engines");
        }
        return parsed;
    }
}
