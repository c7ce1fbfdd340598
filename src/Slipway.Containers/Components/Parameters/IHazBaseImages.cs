using Slipway.Containers.Provisioning;
using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazBaseImages : ISlipwayBuild
{
    [Parameter("Base image of the builder")]
    string BuilderBaseImage => ParameterValue(nameof(BuilderBaseImage), "python:3.11-bookworm");

    [Parameter("Base image of the app (runtime)")]
    string RuntimeBaseImage => ParameterValue(nameof(RuntimeBaseImage), "python:3.11-slim-bookworm");

    [Parameter("Where base images come from: Auto pulls the official ones and falls back to local stand-ins on a machine that can build them")]
    BaseImageSource BaseImages => ParameterValue(nameof(BaseImages), BaseImageSource.Auto);
}
