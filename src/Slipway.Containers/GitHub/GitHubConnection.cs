using Octokit;

namespace Slipway.Containers.GitHub;

/// <summary>Creates the Octokit client from a token and an API address (api.github.com unless given, e.g. a GitHub
/// Enterprise server or a local stand-in). The token goes into Octokit's credentials and nowhere else.</summary>
public static class GitHubConnection
{
    public static readonly Uri DefaultApiUrl = GitHubClient.GitHubApiUrl;

    /// <param name="token">A personal access token or the workflow's <c>GITHUB_TOKEN</c>.</param>
    /// <param name="apiUrl">The API base address; for hosts other than github.com Octokit appends <c>api/v3/</c>.</param>
    public static IGitHubClient Create(string? token, Uri? apiUrl = null)
    {
        if (string.IsNullOrWhiteSpace(token))
            throw new SlipwayException("no GitHub token: set GITHUB_TOKEN (in a workflow, pass secrets.GITHUB_TOKEN to the step)");
        if (apiUrl is { IsAbsoluteUri: false })
            throw new SlipwayException($"GitHub API address '{apiUrl}' is not an absolute URL");
        var product = new ProductHeaderValue("slipway");
        var client = apiUrl is null ? new GitHubClient(product) : new GitHubClient(product, apiUrl);
        client.Credentials = new Credentials(token.Trim());
        return client;
    }
}
