using Slipway.Containers.Provisioning;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>What Restore resolves the build's inputs from: the parameters and the run's root, environment and
/// temporary folder, read once from the build by <see cref="From"/>.</summary>
internal sealed record RestoreRequest(
    AbsolutePath Root,
    AbsolutePath TemporaryDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string ImageName,
    IReadOnlyList<string> Platforms,
    AbsolutePath BuildContext,
    AbsolutePath BuilderDockerfile,
    AbsolutePath AppDockerfile,
    DockerfileContractReader.Names ArgumentNames,
    IReadOnlyList<string> DependencyManifests,
    IReadOnlyList<string> DependencySources,
    BaseImageOverride? BuilderBaseImage,
    BaseImageOverride? RuntimeBaseImage,
    BaseImageSource BaseImages,
    RegistrySettings? Registry,
    string? DefaultBranch,
    IReadOnlyList<Engine.Session.BuildSecret> BuildSecrets)
{
    public static RestoreRequest From(IRestore build) => new(
        build.RootDirectory, build.TemporaryDirectory, build.EnvironmentVariables, build.ImageName, build.Platforms,
        build.BuildContext, build.BuilderDockerfile, build.AppDockerfile,
        new DockerfileContractReader.Names(build.BuilderTarget, build.BuilderBaseArg, build.BuilderImageArg, build.RuntimeBaseArg),
        build.DependencyManifests, build.DependencySources,
        BaseImageOverride.Of(build, nameof(IHazBaseImages.BuilderBaseImage), build.BuilderBaseImage),
        BaseImageOverride.Of(build, nameof(IHazBaseImages.RuntimeBaseImage), build.RuntimeBaseImage), build.BaseImages, RegistrySettings.From(build, build.Log), build.DefaultBranch,
        BuildSecretsReader.Read(build));
}
