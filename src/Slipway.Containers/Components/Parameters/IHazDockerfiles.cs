using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Containers.Components;

public interface IHazDockerfiles : ISlipwayBuild
{
    [Parameter("Build context of both images")]
    AbsolutePath BuildContext => ParameterValue(nameof(BuildContext), RootDirectory);

    [Parameter("Dockerfile of the builder image")]
    AbsolutePath BuilderDockerfile => ParameterValue(nameof(BuilderDockerfile), RootDirectory / "docker" / "builder.Dockerfile");

    [Parameter("Dockerfile of the app image")]
    AbsolutePath AppDockerfile => ParameterValue(nameof(AppDockerfile), RootDirectory / "docker" / "app.Dockerfile");
}
