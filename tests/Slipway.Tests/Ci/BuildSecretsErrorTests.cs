using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Containers.Components;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>A mistake in <see cref="GitHubActionsImagesAttribute.BuildSecrets"/> is one red line and exit code 1, naming
/// the workflow and the entry, and writes nothing.</summary>
public sealed class BuildSecretsErrorTests : IDisposable
{
    private const string Expected = "; expected id=SECRET, e.g. pip=PIP_INDEX_TOKEN";

    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public Task An_entry_without_an_id_is_refused() =>
        AssertFails<NotIdEqualsSecret>("error: workflow 'images': BuildSecrets entry 'PIP_INDEX_TOKEN' is not id=SECRET" + Expected);

    [Fact]
    public Task An_entry_without_a_secret_is_refused() =>
        AssertFails<EmptySecret>("error: workflow 'images': BuildSecrets entry 'pip=' is not id=SECRET" + Expected);

    [Fact]
    public Task An_id_that_would_break_the_build_secrets_list_is_refused() =>
        AssertFails<IdWithComma>(
            "error: workflow 'images': BuildSecrets entry 'pip,env=X=PIP_INDEX_TOKEN' has the id 'pip,env', " +
            "which is not letters, digits, '.', '_', '-' and '/'" + Expected);

    [Fact]
    public Task A_name_GitHub_does_not_allow_for_a_secret_is_refused() =>
        AssertFails<DashedSecretName>(
            "error: workflow 'images': BuildSecrets entry 'pip=pip-token' names 'pip-token', which cannot be a repository secret " +
            "(letters, digits and '_', not starting with a digit)" + Expected);

    [Fact]
    public Task A_secret_name_with_GitHubs_prefix_is_refused() =>
        AssertFails<GitHubPrefix>(
            "error: workflow 'images': BuildSecrets entry 'gh=GITHUB_PAT' names 'GITHUB_PAT', which cannot be a repository secret " +
            "(GITHUB_ starts only GITHUB_TOKEN)" + Expected);

    [Fact]
    public Task One_id_twice_is_refused() =>
        AssertFails<SameIdTwice>(
            "error: workflow 'images': BuildSecrets entries 'pip=PIP_INDEX_TOKEN' and 'pip=OTHER_TOKEN' give the id 'pip' twice");

    [Fact]
    public Task A_build_without_the_build_secrets_parameter_is_told_what_to_implement() =>
        AssertFails<WithoutBuildSecretsParameter>(
            "error: workflow 'images': BuildSecrets needs the build's BuildSecrets parameter: implement IHazBuildSecrets (IRestore includes it)");

    [Fact]
    public Task A_secret_a_parameter_would_read_too_is_refused_unless_imported() =>
        AssertFails<SecretAParameterReads>(
            "error: workflow 'images': BuildSecrets entry 'registry=REGISTRY_TOKEN': the build reads REGISTRY_TOKEN as its parameter RegistryToken too; " +
            "name the repository secret differently, or add ImportSecrets = [\"RegistryToken\"] if that parameter should have it");

    [Fact]
    public Task Build_secrets_set_by_a_parameter_value_as_well_are_refused() =>
        AssertFails<BuildSecretsSetTwice>("error: workflow 'images': value of BuildSecrets and BuildSecrets both set BUILD_SECRETS");

    private async Task AssertFails<TBuild>(string expected) where TBuild : SlipwayBuild, new()
    {
        var run = await BuildRun.RunAsync<TBuild>(_root, ["--generate-configuration"], _ => null!);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected, Assert.Single(run.Lines));
        Assert.False(Directory.Exists(_root.Path / ".github"));
    }

    public abstract class Images : SlipwayBuild, IHazBuildSecrets
    {
        [Parameter("Token for the registry"), Secret]
        public readonly string? RegistryToken;

        Target Push => _ => _.Executes(() => { });
    }

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["PIP_INDEX_TOKEN"])]
    public sealed class NotIdEqualsSecret : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["pip="])]
    public sealed class EmptySecret : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["pip,env=X=PIP_INDEX_TOKEN"])]
    public sealed class IdWithComma : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["pip=pip-token"])]
    public sealed class DashedSecretName : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["gh=GITHUB_PAT"])]
    public sealed class GitHubPrefix : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        MultiArch = MultiArchShape.NativeRunners, Platforms = ["linux/amd64", "linux/arm64"], MergeTargets = ["Push"],
        BuildSecrets = ["pip=PIP_INDEX_TOKEN", "pip=OTHER_TOKEN"])]
    public sealed class SameIdTwice : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["pip=PIP_INDEX_TOKEN"])]
    public sealed class WithoutBuildSecretsParameter : SlipwayBuild
    {
        Target Push => _ => _.Executes(() => { });
    }

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        BuildSecrets = ["registry=REGISTRY_TOKEN"])]
    public sealed class SecretAParameterReads : Images;

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        ParameterValues = ["BuildSecrets=id=pip,env=PIP"], BuildSecrets = ["pip=PIP_INDEX_TOKEN"])]
    public sealed class BuildSecretsSetTwice : Images;
}
