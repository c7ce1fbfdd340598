using Slipway.Targets;

namespace Slipway.Containers.Components;

/// <summary>Restore: the engines of the run and the build's inputs (<see cref="BuildInputs"/>), which every image target consumes.</summary>
public interface IRestore : IHazImageName, IHazPlatforms, IHazDockerEngine, IHazDockerfiles, IHazDependencyInputs, IHazBaseImages,
    IHazRegistry, IHazSourceRevision, IHazBuildSecrets
{
    Target Restore => _ => _
        .Description("Reaches the Docker engine, resolves base images and computes each platform's dependency hash")
        .Produces<ContainerEngines>(() => EngineConnector.Connect(DockerHost, Engines, EnvironmentVariables))
        .Produces<BuildInputs>(async cancellation =>
        {
            var inputs = await new BuildInputsResolver(RestoreRequest.From(this), Value<ContainerEngines>(), Log).ResolveAsync(cancellation);
            Note(BuildInputsResolver.Describe(inputs));
            return inputs;
        });
}
