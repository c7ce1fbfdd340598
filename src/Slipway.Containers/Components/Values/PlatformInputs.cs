using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>One platform's share of the build inputs: its dependency hash and its resolved base images.</summary>
public sealed record PlatformInputs(Platform Platform, DependencyHash DependencyHash, ResolvedBaseImage BuilderBase, ResolvedBaseImage RuntimeBase);
