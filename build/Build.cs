using Slipway;
using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Containers.Components;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;
using Slipway.Containers.Provisioning;
using Slipway.Parameters;
using Slipway.Targets;

/// <summary>This repository's build: the sample service's images (<c>./build.sh BuildAppImage</c>) and Slipway's own
/// tests (<c>./build.sh Test</c>).</summary>
[GitHubActions("ci", GitHubActionsImage.Ubuntu2404,
    OnPushBranches = ["main"], OnPullRequestBranches = ["main"], PathFilters = false,
    InvokedTargets = [nameof(Test)],
    TimeoutMinutes = 90, ConcurrencyCancelInProgress = true)]
[GitHubActions("builder", GitHubActionsImage.Ubuntu2404,
    OnPushBranches = ["main"], OnPushTags = ["v*"], OnPullRequestBranches = ["main"],
    InvokedTargets = [nameof(IBuildBuilderImage.BuildBuilderImage)],
    EnableGitHubToken = true, WritePermissions = [GitHubActionsPermission.Packages],
    TimeoutMinutes = 60, ConcurrencyCancelInProgress = true)]
[GitHubActionsImages("app", GitHubActionsImage.Ubuntu2404,
    OnPullRequestBranches = ["main"], On = [GitHubActionsTrigger.WorkflowDispatch],
    InvokedTargets = [nameof(ITestApp.TestApp), nameof(IVerifyArch.VerifyArch)],
    Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.Qemu,
    TimeoutMinutes = 90, ConcurrencyCancelInProgress = true)]
[GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404,
    OnPushBranches = ["main"], OnPushTags = ["v*"],
    InvokedTargets = [nameof(ITestApp.TestApp), nameof(IPush.Push)], MergeTargets = [nameof(IPush.PushIndex)],
    Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.NativeRunners,
    ParameterValues = ["Registry=ghcr.io/${{ github.repository }}"],
    EnableGitHubToken = true, WritePermissions = [GitHubActionsPermission.Packages],
    TimeoutMinutes = 90, ConcurrencyGroup = "images-${{ github.ref }}")]
public sealed partial class Build : SlipwayBuild, IVerifyArch, IPush, IVerifyImages, ITestApp, IGitHubHousekeeping
{
    public static int Main(string[] args) => Execute<Build>(args, build => ((IBuildAppImage)build).BuildAppImage);

    [Parameter("Configuration to build")]
    readonly Configuration Configuration = Configuration.Debug;

    [Parameter("Platforms the integration tests build for; the machine is provisioned for them")]
    readonly string[] TestPlatforms = ["linux/amd64", "linux/arm64"];

    string Solution => RootDirectory / "Slipway.slnx";

    Target Compile => _ => _
        .Description("Builds the solution")
        .Executes(cancellation => DotNet.RunAsync(this, cancellation, "build", Solution, "-c", Configuration.ToString(), "-nologo", "-clp:NoSummary"));

    Target ProvisionTestMachine => _ => _
        .Description("Engine, QEMU and base images the integration tests need (installed on Debian or Ubuntu as root or with sudo -n; stand-in bases only where the official ones cannot be pulled)")
        .Executes(async cancellation =>
        {
            var bases = (IHazBaseImages)this;
            var requirements = new MachineRequirements(TestPlatforms.Select(Platform.Parse).ToArray(),
                bases.BuilderBaseImage ?? "python:3.11-bookworm", bases.RuntimeBaseImage ?? "python:3.11-slim-bookworm"); // docker/*.Dockerfile's ARG defaults
            var endpoint = ((IHazDockerEngine)this).DockerHost is { Length: > 0 } host ? EngineEndpoint.Parse(host) : EngineEndpoint.FromEnvironment(EnvironmentVariables);
            Note(await new MachineProvisioner(requirements, TemporaryDirectory, Log).EnsureAsync(endpoint, cancellation));
            await TestTools.EnsureAsync(this, cancellation);
        });

    Target Test => _ => _
        .Description("Runs the unit and integration tests, then the rehearsal of the generated workflows (not with --test-filter)")
        .DependsOn(Compile, ProvisionTestMachine)
        .Triggers(RehearseWorkflows)
        .Executes(cancellation => DotNet.RunAsync(this, cancellation,
            ["test", Solution, "-c", Configuration.ToString(), "--no-build", "-nologo", .. TestFilter is { Length: > 0 } filter ? ["--filter", filter] : Array.Empty<string>()]));
}

public enum Configuration
{
    Debug,
    Release,
}
