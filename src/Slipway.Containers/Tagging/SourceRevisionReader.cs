using Slipway.Ci;
using Slipway.Processes;

namespace Slipway.Containers.Tagging;

/// <summary>Reads the <see cref="SourceRevision"/> from GitHub Actions variables, else from <c>git</c> in the root.</summary>
/// <remarks>Restore is on the path of every build, even one with nothing to do: git's questions go out at once, as
/// three processes side by side (HEAD with its branch, tags and commit time; the branches that say which one is the
/// default; the origin's address), not one after another.</remarks>
public static class SourceRevisionReader
{
    /// <param name="defaultBranch">The branch tagged latest (<c>--default-branch</c>); null asks the repository
    /// (see <see cref="DefaultBranch"/>).</param>
    public static SourceRevision Read(IReadOnlyDictionary<string, string> environment, string root, string? defaultBranch = null)
    {
        var head = Task.Run(() => GitHead.Read(environment, root));
        var branch = defaultBranch is null ? Task.Run(() => DefaultBranch(environment, root)) : Task.FromResult(defaultBranch);
        var gitHub = GitHubActionsEnvironment.From(environment);
        if (gitHub.IsGitHubActions)
            return FromGitHubActions(gitHub, branch.Result) with { CommitTime = head.Result?.CommitTime };
        var origin = Task.Run(() => Git(environment, root, "config", "--get", "remote.origin.url"));
        if (head.Result is not { } read)
            return SourceRevision.Unknown;
        return new SourceRevision(read.Branch, read.Tag, read.Sha, RepositoryFromUrl(origin.Result), read.Branch == branch.Result, read.CommitTime);
    }

    /// <summary>
    /// The repository's default branch: on GitHub Actions the event's <c>repository.default_branch</c>; else what
    /// <c>origin/HEAD</c> points at, else the only local branch, else <c>git config init.defaultBranch</c>, else <c>main</c>.
    /// </summary>
    public static string DefaultBranch(IReadOnlyDictionary<string, string> environment, string root)
    {
        if (GitHubActionsEnvironment.From(environment).EventPath is { } eventPath && EventDefaultBranch(eventPath) is { } fromEvent)
            return fromEvent;
        var refs = (Git(environment, root, "for-each-ref", "--format=%(refname)%09%(symref)", "refs/remotes/origin/HEAD", "refs/heads/") ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToArray();
        const string originPrefix = "refs/remotes/origin/", branchPrefix = "refs/heads/";
        if (refs.FirstOrDefault(parts => parts[0] == originPrefix + "HEAD") is [_, var target] && target.StartsWith(originPrefix, StringComparison.Ordinal))
            return target[originPrefix.Length..];
        var branches = refs.Where(parts => parts[0].StartsWith(branchPrefix, StringComparison.Ordinal)).ToArray();
        if (branches is [var only])
            return only[0][branchPrefix.Length..];
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
    internal static string? Git(IReadOnlyDictionary<string, string> environment, string root, params string[] arguments) =>
        Tool.Capture(new ToolRun("git", arguments) { WorkingDirectory = root, Environment = environment }) is { Length: > 0 } output ? output : null;
}
