using Slipway.Containers.Provisioning;
using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>The parameters every container component shares; another repository adopts the build by setting them in
/// <c>.nuke/parameters.json</c>.</summary>
public interface IContainerBuild : ISlipwayBuild
{
    [Parameter("Image name of the app, lower case (the builder is <name>-builder)")]
    string ImageName => ParameterValue(nameof(ImageName), "slipway/voice");

    [Parameter("Platforms to build, e.g. linux/amd64 linux/arm64 (default: the engine's own)")]
    string[] Platforms => ParameterValue(nameof(Platforms), Array.Empty<string>());

    [Parameter("Build context of both images")]
    AbsolutePath BuildContext => ParameterValue(nameof(BuildContext), RootDirectory);

    [Parameter("Dockerfile of the builder image")]
    AbsolutePath BuilderDockerfile => ParameterValue(nameof(BuilderDockerfile), RootDirectory / "docker" / "builder.Dockerfile");

    [Parameter("Dockerfile of the app image")]
    AbsolutePath AppDockerfile => ParameterValue(nameof(AppDockerfile), RootDirectory / "docker" / "app.Dockerfile");

    [Parameter("Dependency manifests the builder is made from (globs in the build context; each must match)")]
    string[] DependencyManifests => ParameterValue(nameof(DependencyManifests), new[] { "app/requirements*.txt" });

    [Parameter("Further builder inputs, hashed where present (lock file, native sources)")]
    string[] DependencySources => ParameterValue(nameof(DependencySources), new[] { "app/uv.lock", "app/native/**" });

    [Parameter("The app's own sources (globs in the build context); CI rebuilds the app image when they change")]
    string[] AppSources => ParameterValue(nameof(AppSources), new[] { "app/**" });

    [Parameter("Base image of the builder")]
    string BuilderBaseImage => ParameterValue(nameof(BuilderBaseImage), "python:3.11-bookworm");

    [Parameter("Base image of the app (runtime)")]
    string RuntimeBaseImage => ParameterValue(nameof(RuntimeBaseImage), "python:3.11-slim-bookworm");

    [Parameter("Where base images come from: Auto pulls the official ones and falls back to local stand-ins on a machine that can build them")]
    BaseImageSource BaseImages => ParameterValue(nameof(BaseImages), BaseImageSource.Auto);

    [Parameter("Docker engine endpoint (unix:///var/run/docker.sock, tcp://host:2375)")]
    string? DockerHost => ParameterValue<string?>(nameof(DockerHost), null);

    [Parameter("Engines for single platforms instead of emulation, e.g. linux/arm64=tcp://arm-host:2375")]
    string[] Engines => ParameterValue(nameof(Engines), Array.Empty<string>());

    [Parameter("Registry repository of the app image, e.g. ghcr.io/acme/voice or 127.0.0.1:5000/voice (the builder goes to <it>-builder)")]
    string? Registry => ParameterValue<string?>(nameof(Registry), null);

    [Parameter("User name for the registry (on ghcr.io without one: the GitHub actor)")]
    string? RegistryUsername => ParameterValue<string?>(nameof(RegistryUsername), null);

    [Parameter("Password or token for the registry"), Secret]
    string? RegistryPassword => ParameterValue<string?>(nameof(RegistryPassword), null);

    [Parameter("GitHub token: the ghcr.io password when no registry password is given, and for the GitHub API"), Secret]
    string? GitHubToken => ParameterValue<string?>(nameof(GitHubToken), null);

    [Parameter("The branch whose builds are tagged latest")]
    string DefaultBranch => ParameterValue(nameof(DefaultBranch), "main");

    /// <summary>What the container targets share during one run.</summary>
    ContainerSession Containers => ContainerSession.Of(this);
}
