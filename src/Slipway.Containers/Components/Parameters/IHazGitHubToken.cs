using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazGitHubToken : ISlipwayBuild
{
    [Parameter("GitHub token: the ghcr.io password when no registry password is given, and for the GitHub API"), Secret]
    string? GitHubToken => ParameterValue<string?>(nameof(GitHubToken), null);
}
