using Slipway.Containers.Platforms;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Hashing;

/// <summary>What a builder image is a function of, for one platform: the per-input digests and the hash over them.</summary>
public sealed record DependencyHash(Platform Platform, InputSet Inputs)
{
    public string Value => Inputs.Hash;

    public string Short => Inputs.Hash12;

    /// <summary>The builder's tag for this hash: <c>deps-&lt;hash12&gt;</c>.</summary>
    public string BuilderTag => $"deps-{Short}";
}
