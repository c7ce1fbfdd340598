using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IGitHubHousekeeping : IHazRegistry, IHazGitHub, IHazSourceRevision
{
    [Parameter("How many of the newest dependency hashes PruneBuilderImages keeps")]
    int PruneKeep => ParameterValue(nameof(PruneKeep), 5);

    [Parameter("Really delete what PruneBuilderImages would delete (default: dry run)")]
    bool PruneApply => ParameterValue(nameof(PruneApply), false);

    Target PruneBuilderImages => _ => _
        .Description("Lists the builder package's versions on GHCR and deletes (with --prune-apply) those no kept tag or app image needs")
        .Requires(() => Registry)
        .Requires(() => GitHubToken)
        .Executes(async cancellation => Note(await Housekeeping().PruneAsync(PruneKeep, PruneApply, cancellation)));

    Target PublishRelease => _ => _
        .Description("On a semver git tag: creates or updates the GitHub release with the pushed images and their per-platform digests")
        .TryAfter<IPush>(x => x.Push, x => x.PushIndex)
        .Requires(() => GitHubToken)
        .Executes(async () =>
        {
            var revision = Tagging.SourceRevisionReader.Read(EnvironmentVariables, RootDirectory, DefaultBranch);
            Note(await Housekeeping().PublishReleaseAsync(revision));
        });

    private GitHubHousekeeping Housekeeping() =>
        new(RegistrySettings.From(this, Log), GitHubToken, GitHubApiUrl, EnvironmentVariables, TemporaryDirectory, Log);
}
