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
        .Description("Engines (the distribution's and a current one), QEMU and base images the integration tests need (installed on Debian or Ubuntu as root or with sudo -n; stand-in bases only where the official ones cannot be pulled)")
        .Executes(async cancellation =>
        {
            var bases = (IHazBaseImages)this;
            var requirements = new MachineRequirements(TestPlatforms.Select(Platform.Parse).ToArray(),
                bases.BuilderBaseImage ?? "python:3.11-bookworm", bases.RuntimeBaseImage ?? "python:3.11-slim-bookworm"); // docker/*.Dockerfile's ARG defaults
            var endpoint = ((IHazDockerEngine)this).DockerHost is { Length: > 0 } host ? EngineEndpoint.Parse(host) : EngineEndpoint.FromEnvironment(EnvironmentVariables);
            var provisioner = new MachineProvisioner(requirements, TemporaryDirectory, Log);
            // apt first, once for everything the steps below need: dpkg takes one install at a time
            await TestTools.EnsurePackagesAsync(this, cancellation);
            await provisioner.EnsureEngineAsync(endpoint, cancellation);
            // Then side by side, each mostly one core's work (mmdebstrap, under QEMU for arm64): the base images, the
            // Compose tests' services and the current engine (trixie's dockerd 26) with the same base images, for the
            // tests that run on both; base-images.sh's locks let the current engine's import wait for a tarball.
            var machine = provisioner.EnsureBaseImagesAsync(endpoint, cancellation);
            var services = TestTools.EnsureServicesAsync(this, cancellation);
            var current = EnsureCurrentEngineAsync(provisioner, cancellation);
            await Task.WhenAll(machine, services, current);
            Note($"{await machine}; the current engine at {await current} too");
        });

    Target Test => _ => _
        .Description("Runs the unit and integration tests, then the rehearsal of the generated workflows (not with --test-filter)")
        .DependsOn(Compile, ProvisionTestMachine)
        .Triggers(RehearseWorkflows)
        .Executes(async cancellation =>
        {
            var results = TemporaryDirectory / "test-results";
            if (Directory.Exists(results))
                Directory.Delete(results, recursive: true);
            try
            {
                // -m:3: the three test projects start together; with one MSBuild node per core, the slowest
                // (Slipway.Tool.Tests) waited for the quickest to end before it started.
                await DotNet.RunAsync(this, cancellation, ["test", Solution, "-c", Configuration.ToString(), "--no-build", "-nologo", "-m:3",
                    "--logger", "trx;LogFilePrefix=tests", "--results-directory", results,
                    .. TestFilter is { Length: > 0 } filter ? ["--filter", filter] : Array.Empty<string>()]);
            }
            finally
            {
                LogSlowestTestClasses(results);
            }
        });

    /// <summary>Starts (or finds running) the current engine and gives it the QEMU and base images the machine's engine has.</summary>
    async Task<EngineEndpoint> EnsureCurrentEngineAsync(MachineProvisioner provisioner, CancellationToken cancellation)
    {
        var current = EngineEndpoint.Parse(await TestTools.EnsureCurrentEngineAsync(this, cancellation));
        await provisioner.EnsureAsync(current, cancellation);
        return current;
    }

    void LogSlowestTestClasses(string results)
    {
        var files = Directory.Exists(results) ? Directory.GetFiles(results, "*.trx") : [];
        Log.Information("The slowest test classes (their tests' durations summed, from {Count} results files in {Folder}):",
            files.Length, Path.GetRelativePath(RootDirectory, results));
        foreach (var testClass in SlowestTestClasses.Read(files, 10))
            Log.Information("{Line}", SlowestTestClasses.Line(testClass));
    }
}

public enum Configuration
{
    Debug,
    Release,
}
