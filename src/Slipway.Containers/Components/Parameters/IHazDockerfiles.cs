using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Containers.Components;

public interface IHazDockerfiles : ISlipwayBuild
{
    [Parameter("Build context of both images")]
    AbsolutePath BuildContext => ParameterValue(nameof(BuildContext), RootDirectory);

    [Parameter("Dockerfile of the builder image")]
    AbsolutePath BuilderDockerfile => ParameterValue(nameof(BuilderDockerfile), RootDirectory / "docker" / "builder.Dockerfile");

    [Parameter("Dockerfile of the app image (the builder's own when the builder is a stage of it)")]
    AbsolutePath AppDockerfile => ParameterValue(nameof(AppDockerfile), RootDirectory / "docker" / "app.Dockerfile");

    [Parameter("Stage of the builder Dockerfile that is the builder image (default: its last; with one Dockerfile: the stage the app copies from)")]
    string? BuilderTarget => ParameterValue<string?>(nameof(BuilderTarget), null);

    [Parameter("Build argument that takes the builder's base image (default: the ARG in the builder stage's FROM)")]
    string? BuilderBaseArg => ParameterValue<string?>(nameof(BuilderBaseArg), null);

    [Parameter("Build argument that takes the builder image in the app Dockerfile (default: the ARG in the FROM of the stage it copies from)")]
    string? BuilderImageArg => ParameterValue<string?>(nameof(BuilderImageArg), null);

    [Parameter("Build argument that takes the app's runtime base image (default: the ARG in the last stage's FROM)")]
    string? RuntimeBaseArg => ParameterValue<string?>(nameof(RuntimeBaseArg), null);
}
