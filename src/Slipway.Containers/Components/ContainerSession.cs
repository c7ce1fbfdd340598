using System.Runtime.CompilerServices;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Components;

/// <summary>The state the container targets hand on during one run of one build: the engine, the resolved inputs and
/// the images made. Kept per build instance, so builds run side by side in one process (tests) do not share it.</summary>
public sealed class ContainerSession
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, ContainerSession> Sessions = new();
    private BuildInputs? _inputs;
    private ContainerEngine? _engine;
    private readonly List<ImageRecord> _images = [];

    public static ContainerSession Of(ISlipwayBuild build) => Sessions.GetValue(build, _ => new ContainerSession());

    public BuildInputs Inputs
    {
        get => _inputs ?? throw new SlipwayException("the build inputs are not resolved: Restore has not run");
        set => _inputs = value;
    }

    public ContainerEngine Engine
    {
        get => _engine ?? throw new SlipwayException("no Docker engine: Restore has not run");
        set => _engine = value;
    }

    /// <summary>Platforms routed to an engine of their own (native instead of emulated); the rest use <see cref="Engine"/>.</summary>
    public Dictionary<Platforms.Platform, ContainerEngine> PlatformEngines { get; } = [];

    public ContainerEngine EngineFor(Platforms.Platform platform) => PlatformEngines.GetValueOrDefault(platform) ?? Engine;

    /// <summary>Runs <paramref name="work"/> for every platform: platforms on different engines in parallel, those
    /// sharing an engine one after another.</summary>
    public Task ForEachPlatformAsync(Func<PlatformInputs, Task> work) =>
        Task.WhenAll(Inputs.Platforms.GroupBy(platform => EngineFor(platform.Platform)).Select(async group =>
        {
            foreach (var platform in group)
                await work(platform);
        }));

    /// <summary>Every image this run built or found, in order.</summary>
    public IReadOnlyList<ImageRecord> Images
    {
        get
        {
            lock (_images)
                return _images.ToArray();
        }
    }

    public void Add(ImageRecord image)
    {
        lock (_images)
            _images.Add(image);
    }
}
