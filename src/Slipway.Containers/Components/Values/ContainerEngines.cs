using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Session;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>The engines of this run, produced by Restore: the default one and those that platforms are routed to
/// (<c>--engines</c>, native instead of emulated), and the build sessions opened with them. The run disposes them when
/// it ends.</summary>
public sealed class ContainerEngines(ContainerEngine primary, IReadOnlyDictionary<Platform, ContainerEngine> routed) : IDisposable
{
    public ContainerEngine Primary { get; } = primary;

    public IReadOnlyDictionary<Platform, ContainerEngine> Routed { get; } = routed;

    /// <summary>This run's BuildKit sessions (one session server for every build of the run).</summary>
    public BuildSessions Sessions { get; } = new();

    /// <summary>A builder for images of <paramref name="platform"/> on its engine, with this run's sessions.</summary>
    public ImageBuilder BuilderFor(Platform platform) => new(For(platform), Sessions);

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
        Sessions.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Primary.Dispose();
        foreach (var engine in Routed.Values)
            engine.Dispose();
    }
}
