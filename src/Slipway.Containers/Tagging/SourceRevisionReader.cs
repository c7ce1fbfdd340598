using Slipway.Ci;
using Slipway.Processes;

namespace Slipway.Containers.Tagging;

/// <summary>Reads the <see cref="SourceRevision"/> from GitHub Actions variables, else from <c>git</c> in the root.</summary>
public static class SourceRevisionReader
{
    /// <param name="defaultBranch">The branch tagged latest (<c>--default-branch</c>); null asks the repository
    /// (see <see cref="DefaultBranch"/>).</param>
    public static SourceRevision Read(IReadOnlyDictionary<string, string> environment, string root, string? defaultBranch = null)
    {
        defaultBranch ??= DefaultBranch(environment, root);
        var gitHub = GitHubActionsEnvironment.From(environment);
        if (gitHub.IsGitHubActions)
            return FromGitHubActions(gitHub, defaultBranch) with { CommitTime = CommitTime(environment, root) };
        var sha = Git(environment, root, "rev-parse", "HEAD");
        if (sha is null)
            return SourceRevision.Unknown;
        var branch = Git(environment, root, "symbolic-ref", "--short", "-q", "HEAD");
        var tag = Git(environment, root, "describe", "--tags", "--exact-match", "HEAD");
        var origin = Git(environment, root, "config", "--get", "remote.origin.url");
        return new SourceRevision(branch, tag, sha, RepositoryFromUrl(origin), branch == defaultBranch, CommitTime(environment, root));
    }

    /// <summary>
    /// The repository's default branch: on GitHub Actions the event's <c>repository.default_branch</c>; else what
    /// <c>origin/HEAD</c> points at, else the only local branch, else <c>git config init.defaultBranch</c>, else <c>main</c>.
    /// </summary>
    public static string DefaultBranch(IReadOnlyDictionary<string, string> environment, string root)
    {
        if (GitHubActionsEnvironment.From(environment).EventPath is { } eventPath && EventDefaultBranch(eventPath) is { } fromEvent)
            return fromEvent;
        if (Git(environment, root, "symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD") is { } originHead && originHead.StartsWith("origin/", StringComparison.Ordinal))
            return originHead["origin/".Length..];
        var branches = Git(environment, root, "for-each-ref", "--format=%(refname:short)", "refs/heads/")?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (branches is [var only])
            return only;
        return Git(environment, root, "config", "--get", "init.defaultBranch") ?? "main";
    }

    private static string? EventDefaultBranch(string path)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("repository", out var repository)
                && repository.TryGetProperty("default_branch", out var branch)
                && branch.GetString() is { Length: > 0 } name ? name : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DateTimeOffset? CommitTime(IReadOnlyDictionary<string, string> environment, string root) =>
        long.TryParse(Git(environment, root, "log", "-1", "--format=%ct"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static SourceRevision FromGitHubActions(GitHubActionsEnvironment gitHub, string defaultBranch) =>
        new(gitHub.Branch, gitHub.Tag, gitHub.Sha, gitHub.Repository,
            gitHub.Branch is not null && gitHub.Branch == defaultBranch && !gitHub.IsPullRequest);

    private static string? RepositoryFromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var path = url.Replace(':', '/').TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
            path = path[..^4];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : null;
    }

    /// <summary>git sees the run's environment (e.g. a test's <c>HOME</c> or <c>GIT_CONFIG_GLOBAL</c>), not this process's.</summary>
    private static string? Git(IReadOnlyDictionary<string, string> environment, string root, params string[] arguments) =>
        Tool.Capture(new ToolRun("git", arguments) { WorkingDirectory = root, Environment = environment }) is { Length: > 0 } output ? output : null;
}
