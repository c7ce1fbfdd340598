using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>One platform's share of the build inputs: its dependency hash, its resolved base images and the context
/// paths the builder's Dockerfile reads (all that is sent to the engine when the builder is built).</summary>
public sealed record PlatformInputs(
    Platform Platform, DependencyHash DependencyHash, ResolvedBaseImage BuilderBase, ResolvedBaseImage RuntimeBase,
    IReadOnlyList<string> BuilderContext);
