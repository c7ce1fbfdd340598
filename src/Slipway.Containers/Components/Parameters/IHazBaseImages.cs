using Slipway.Containers.Provisioning;
using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazBaseImages : ISlipwayBuild
{
    [Parameter("Base image of the builder, replacing the one the builder Dockerfile names (its ARG default or literal FROM); unset, the Dockerfile's")]
    string? BuilderBaseImage => ParameterValue<string?>(nameof(BuilderBaseImage), null);

    [Parameter("Base image of the app (runtime), replacing the one the app Dockerfile names; unset, the Dockerfile's")]
    string? RuntimeBaseImage => ParameterValue<string?>(nameof(RuntimeBaseImage), null);

    [Parameter("Where base images come from: Auto pulls the official ones and falls back to local stand-ins on a machine that can build them")]
    BaseImageSource BaseImages => ParameterValue(nameof(BaseImages), BaseImageSource.Auto);
}
