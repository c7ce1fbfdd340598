using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazPlatforms : ISlipwayBuild
{
    [Parameter("Platforms to build, e.g. linux/amd64 linux/arm64 (default: the engine's own)")]
    string[] Platforms => ParameterValue(nameof(Platforms), Array.Empty<string>());
}
