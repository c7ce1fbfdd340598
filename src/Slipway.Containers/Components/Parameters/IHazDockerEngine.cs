using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazDockerEngine : ISlipwayBuild
{
    [Parameter("Docker engine endpoint (unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host); default: as the Docker CLI finds it")]
    string? DockerHost => ParameterValue<string?>(nameof(DockerHost), null);

    [Parameter("Engines for single platforms instead of emulation: an endpoint or a Docker CLI context, e.g. linux/arm64=arm-builder")]
    string[] Engines => ParameterValue(nameof(Engines), Array.Empty<string>());
}
