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
        if (environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true")
            return FromGitHubActions(environment, defaultBranch) with { CommitTime = CommitTime(root) };
        var sha = Git(root, "rev-parse", "HEAD");
        if (sha is null)
            return SourceRevision.Unknown;
        var branch = Git(root, "symbolic-ref", "--short", "-q", "HEAD");
        var tag = Git(root, "describe", "--tags", "--exact-match", "HEAD");
        var origin = Git(root, "config", "--get", "remote.origin.url");
        return new SourceRevision(branch, tag, sha, RepositoryFromUrl(origin), branch == defaultBranch, CommitTime(root));
    }

    /// <summary>
    /// The repository's default branch: on GitHub Actions the event's <c>repository.default_branch</c>; else what
    /// <c>origin/HEAD</c> points at, else the only local branch, else <c>git config init.defaultBranch</c>, else <c>main</c>.
    /// </summary>
    public static string DefaultBranch(IReadOnlyDictionary<string, string> environment, string root)
    {
        if (environment.TryGetValue("GITHUB_EVENT_PATH", out var eventPath) && EventDefaultBranch(eventPath) is { } fromEvent)
            return fromEvent;
        if (Git(root, "symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD") is { } originHead && originHead.StartsWith("origin/", StringComparison.Ordinal))
            return originHead["origin/".Length..];
        var branches = Git(root, "for-each-ref", "--format=%(refname:short)", "refs/heads/")?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (branches is [var only])
            return only;
        return Git(root, "config", "--get", "init.defaultBranch") ?? "main";
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

    private static DateTimeOffset? CommitTime(string root) =>
        long.TryParse(Git(root, "log", "-1", "--format=%ct"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static SourceRevision FromGitHubActions(IReadOnlyDictionary<string, string> environment, string defaultBranch)
    {
        var refType = environment.GetValueOrDefault("GITHUB_REF_TYPE");
        var refName = environment.GetValueOrDefault("GITHUB_REF_NAME");
        var headRef = environment.GetValueOrDefault("GITHUB_HEAD_REF");
        var branch = !string.IsNullOrEmpty(headRef) ? headRef : refType == "branch" ? refName : null;
        var tag = refType == "tag" ? refName : null;
        return new SourceRevision(branch, tag, environment.GetValueOrDefault("GITHUB_SHA"),
            environment.GetValueOrDefault("GITHUB_REPOSITORY"), branch is not null && branch == defaultBranch && string.IsNullOrEmpty(headRef));
    }

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

    private static string? Git(string root, params string[] arguments) =>
        Tool.Capture(new ToolRun("git", arguments) { WorkingDirectory = root }) is { Length: > 0 } output ? output : null;
}
