using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazDockerEngine : ISlipwayBuild
{
    [Parameter("Docker engine endpoint (unix:///var/run/docker.sock, tcp://host:2375)")]
    string? DockerHost => ParameterValue<string?>(nameof(DockerHost), null);

    [Parameter("Engines for single platforms instead of emulation, e.g. linux/arm64=tcp://arm-host:2375")]
    string[] Engines => ParameterValue(nameof(Engines), Array.Empty<string>());
}
