using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>The engines of this run, produced by Restore: the default one and those that platforms are routed to
/// (<c>--engines</c>, native instead of emulated). The run disposes them when it ends.</summary>
public sealed class ContainerEngines(ContainerEngine primary, IReadOnlyDictionary<Platform, ContainerEngine> routed) : IDisposable
{
    public ContainerEngine Primary { get; } = primary;

    public IReadOnlyDictionary<Platform, ContainerEngine> Routed { get; } = routed;

    public ContainerEngine For(Platform platform) => Routed.GetValueOrDefault(platform) ?? Primary;

    /// <summary>Runs <paramref name="work"/> for every platform: platforms on different engines in parallel, those
    /// sharing an engine one after another.</summary>
    public Task ForEachPlatformAsync(IEnumerable<PlatformInputs> platforms, Func<PlatformInputs, Task> work) =>
        Task.WhenAll(platforms.GroupBy(platform => For(platform.Platform)).Select(async group =>
        {
            foreach (var platform in group)
                await work(platform);
        }));

    public void Dispose()
    {
        Primary.Dispose();
        foreach (var engine in Routed.Values)
            engine.Dispose();
    }
}
