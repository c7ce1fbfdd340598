using Slipway.Processes;

namespace Slipway.Containers.Tagging;

/// <summary>Reads the <see cref="SourceRevision"/> from GitHub Actions variables, else from <c>git</c> in the root.</summary>
public static class SourceRevisionReader
{
    public static SourceRevision Read(IReadOnlyDictionary<string, string> environment, string root, string defaultBranch)
    {
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
