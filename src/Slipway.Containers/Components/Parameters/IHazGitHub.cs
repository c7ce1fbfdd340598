using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazGitHub : IHazGitHubToken
{
    [Parameter("GitHub API base URL (GitHub Enterprise, or a local stand-in in tests); default https://api.github.com/")]
    string? GitHubApiUrl => ParameterValue<string?>(nameof(GitHubApiUrl), null);
}
