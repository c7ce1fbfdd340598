using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Containers.Components;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>A container-shaped build with one workflow of each shape: the builder on one runner, the app with QEMU,
/// a release on native runners merged by PushIndex, and a test workflow whose targets declare no input paths. The app
/// and release builds read repository secrets as build secrets.</summary>
[GitHubActions("builder", GitHubActionsImage.Ubuntu2404,
    OnPushBranches = ["main"], OnPushTags = ["v*"], OnPullRequestBranches = ["main"],
    InvokedTargets = [nameof(BuildBuilderImage)],
    EnableGitHubToken = true, WritePermissions = [GitHubActionsPermission.Packages],
    TimeoutMinutes = 60, ConcurrencyCancelInProgress = true)]
[GitHubActionsImages("app", GitHubActionsImage.Ubuntu2404,
    OnPushBranches = ["main"], OnPullRequestBranches = ["main"], On = [GitHubActionsTrigger.WorkflowDispatch],
    InvokedTargets = [nameof(TestApp), nameof(VerifyArch)],
    Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.Qemu, BuildSecrets = ["pip=PIP_INDEX_TOKEN"],
    ExcludePaths = ["app/**/*.md"], FetchDepth = 0)]
[GitHubActionsImages("release", GitHubActionsImage.Ubuntu2404,
    OnPushTags = ["v*"], WorkflowDispatchInputs = [nameof(ImageName), nameof(Flavour)],
    InvokedTargets = [nameof(Push)],
    Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.NativeRunners,
    BuildSecrets = ["pip=PIP_INDEX_TOKEN", "netrc=NETRC"],
    ImportSecrets = [nameof(RegistryToken)], EnableGitHubToken = true, ParameterValues = ["Registry=ghcr.io/${{ github.repository_owner }}"],
    WritePermissions = [GitHubActionsPermission.Packages, GitHubActionsPermission.Contents],
    TimeoutMinutes = 90, ConcurrencyGroup = "release-${{ github.ref }}")]
[GitHubActions("tests", GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest], Schedule = "0 4 * * 1",
    InvokedTargets = [nameof(Test)], CacheKeyFiles = [])]
public sealed class CiSampleBuild : SlipwayBuild, IHazBuildSecrets
{
    [Parameter("Image name of the app")]
    public string ImageName => ParameterValue(nameof(ImageName), "acme/voice");

    [Parameter("Dependency manifests of the builder")]
    public string[] Manifests => ParameterValue(nameof(Manifests), new[] { "app/requirements*.txt" });

    [Parameter("Flavour to build")]
    public readonly Flavour Flavour = Flavour.Debug;

    [Parameter("The registry images are pushed to")]
    public readonly string? Registry;

    [Parameter("Token for the registry"), Secret]
    public readonly string? RegistryToken;

    public List<string> Ran { get; } = [];

    Target Restore => _ => _.Executes(() => Ran.Add(nameof(Restore)));

    Target BuildBuilderImage => _ => _
        .DependsOn(Restore)
        .InputPaths(() => new[] { "docker/builder.Dockerfile", "app/native/**" }.Concat(Manifests))
        .Executes(() => Ran.Add(nameof(BuildBuilderImage)));

    Target BuildAppImage => _ => _
        .DependsOn(BuildBuilderImage)
        .InputPaths(() => ["docker/app.Dockerfile", ".dockerignore", "app/**"])
        .Executes(() => Ran.Add(nameof(BuildAppImage)));

    Target TestApp => _ => _
        .DependsOn(BuildBuilderImage)
        .Executes(() => Ran.Add(nameof(TestApp)));

    Target VerifyArch => _ => _
        .DependsOn(BuildAppImage)
        .Executes(() => Ran.Add(nameof(VerifyArch)));

    Target Push => _ => _
        .DependsOn(VerifyArch)
        .Executes(() => Ran.Add(nameof(Push)));

    Target PushIndex => _ => _
        .Executes(() => Ran.Add(nameof(PushIndex)));

    public Target Test => _ => _
        .Executes(() => Ran.Add(nameof(Test)));
}
