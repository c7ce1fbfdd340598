using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IGitHubHousekeeping : IPush
{
    [Parameter("GitHub API base URL (GitHub Enterprise, or a local stand-in in tests); default https://api.github.com/")]
    string? GitHubApiUrl => ParameterValue<string?>(nameof(GitHubApiUrl), null);

    [Parameter("How many of the newest dependency hashes PruneBuilderImages keeps")]
    int PruneKeep => ParameterValue(nameof(PruneKeep), 5);

    [Parameter("Really delete what PruneBuilderImages would delete (default: dry run)")]
    bool PruneApply => ParameterValue(nameof(PruneApply), false);

    Target PruneBuilderImages => _ => _
        .Description("Lists the builder package's versions on GHCR and deletes (with --prune-apply) those no kept tag or app image needs")
        .Requires(() => Registry)
        .Requires(() => GitHubToken)
        .Executes(cancellation => new GitHubHousekeeping(this).PruneAsync(cancellation));

    Target PublishRelease => _ => _
        .Description("On a semver git tag: creates or updates the GitHub release with the pushed images and their per-platform digests")
        .After<IPush>(x => x.Push, x => x.PushIndex)
        .Requires(() => GitHubToken)
        .Executes(() => new GitHubHousekeeping(this).PublishReleaseAsync());
}
