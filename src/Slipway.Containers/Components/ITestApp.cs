using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface ITestApp : IBuildBuilderImage
{
    [Parameter("Stage of the app Dockerfile that runs the service's unit tests in the builder image")]
    string TestStage => ParameterValue(nameof(TestStage), "test");

    Target TestApp => _ => _
        .Description("Runs the service's unit tests inside the builder image (the app Dockerfile's test stage), offline")
        .DependsOn<IBuildBuilderImage>(x => x.BuildBuilderImage)
        .InputPaths(() => AppImages.InputPaths(RootDirectory, BuildContext, AppDockerfile, AppSources, TestStage))
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Executes(async cancellation =>
            Note(await new AppTests(Value<BuildInputs>(), Value<ContainerEngines>(), TestStage, Log).RunAsync(cancellation)));
}
