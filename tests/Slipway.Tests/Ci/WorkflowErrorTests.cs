using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>A mistake in an attribute is one red line and exit code 1, naming the workflow, and writes nothing.</summary>
public sealed class WorkflowErrorTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public Task An_unknown_invoked_target_names_the_workflow_and_the_closest_target() =>
        AssertFails<UnknownTarget>(
            "error: workflow 'images': InvokedTargets: unknown target 'Pussh'. Did you mean Push? Available targets: Test, Push");

    [Fact]
    public Task A_missing_merge_target_is_named() =>
        AssertFails<MissingMergeTarget>(
            "error: workflow 'images': MergeTargets: unknown target 'PushIndex'. Available targets: Test, Push");

    [Fact]
    public Task An_imported_secret_must_be_a_parameter() =>
        AssertFails<UnknownSecret>(
            "error: workflow 'images': ImportSecrets names 'RegistryTokn', which is not a parameter of the build; did you mean 'RegistryToken'?");

    [Fact]
    public Task A_variable_set_twice_is_refused() =>
        AssertFails<SecretSetTwice>("error: workflow 'images': secret RegistryToken and value of RegistryToken both set REGISTRY_TOKEN");

    [Fact]
    public Task A_workflow_needs_a_trigger() =>
        AssertFails<NoTrigger>(
            "error: workflow 'images' has no trigger: set On, OnPushBranches, OnPushTags, OnPullRequestBranches, Schedule or WorkflowDispatchInputs");

    [Fact]
    public Task A_platform_without_a_hosted_native_runner_is_named() =>
        AssertFails<ForeignPlatform>(
            "error: workflow 'images': no GitHub-hosted runner builds linux/riscv64 natively; " +
            "add PlatformRunners = [\"linux/riscv64=<runner label>\"] or use MultiArch = MultiArchShape.Qemu");

    [Fact]
    public Task Native_runners_need_platforms() =>
        AssertFails<NativeWithoutPlatforms>("error: workflow 'images' builds on native runners but names no platform: set Platforms");

    [Fact]
    public Task Two_workflows_of_one_name_are_refused() =>
        AssertFails<SameName>("error: two [GitHubActions] attributes of SameName are named 'Images' (names must differ in more than case)");

    [Fact]
    public Task A_build_without_attributes_has_nothing_to_generate() =>
        AssertFails<SampleBuild>("error: the build class SampleBuild has no [GitHubActions] attribute: there is no workflow to generate");

    private async Task AssertFails<TBuild>(string expected) where TBuild : SlipwayBuild, new()
    {
        var run = await BuildRun.RunAsync<TBuild>(_root, ["--generate-configuration"], _ => null!);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected, Assert.Single(run.Lines));
        Assert.False(Directory.Exists(_root.Path / ".github"));
    }

    public abstract class Images : SlipwayBuild
    {
        [Parameter("Token for the registry"), Secret]
        public readonly string? RegistryToken;

        public Target Test => _ => _.Executes(() => { });

        Target Push => _ => _.Executes(() => { });
    }

    [GitHubActions("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Pussh"])]
    public sealed class UnknownTarget : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.NativeRunners)]
    public sealed class MissingMergeTarget : Images;

    [GitHubActions("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        ImportSecrets = ["RegistryTokn"])]
    public sealed class UnknownSecret : Images;

    [GitHubActions("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        ImportSecrets = ["RegistryToken"], ParameterValues = ["RegistryToken=${{ vars.TOKEN }}"])]
    public sealed class SecretSetTwice : Images;

    [GitHubActions("images", GitHubActionsImage.Ubuntu2404, InvokedTargets = ["Push"])]
    public sealed class NoTrigger : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        Platforms = ["linux/amd64", "linux/riscv64"], MultiArch = MultiArchShape.NativeRunners, MergeTargets = ["Test"])]
    public sealed class ForeignPlatform : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        MultiArch = MultiArchShape.NativeRunners, MergeTargets = ["Test"])]
    public sealed class NativeWithoutPlatforms : Images;

    [GitHubActions("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"])]
    [GitHubActions("Images", GitHubActionsImage.Ubuntu2404, OnPushTags = ["v*"], InvokedTargets = ["Push"])]
    public sealed class SameName : Images;
}
