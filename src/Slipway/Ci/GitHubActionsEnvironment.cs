namespace Slipway.Ci;

/// <summary>What the GitHub Actions runner says about this run, read from a run's environment (a build passes its
/// <see cref="ISlipwayBuild.EnvironmentVariables"/>; nothing here reads the process's). The one reader of the runner's
/// <c>GITHUB_*</c> variables: the engine, the tagging and the GitHub components ask it instead of the dictionary.
/// Empty variables count as unset: the runner sets <c>GITHUB_HEAD_REF</c> to an empty string outside pull requests.</summary>
public sealed record GitHubActionsEnvironment
{
    /// <summary>Not on GitHub Actions: every value unset.</summary>
    public static GitHubActionsEnvironment None { get; } = new();

    /// <summary><c>GITHUB_ACTIONS=true</c>.</summary>
    public bool IsGitHubActions { get; init; }

    /// <summary><c>GITHUB_REPOSITORY</c>, <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>GITHUB_REF</c>, e.g. <c>refs/heads/main</c>, <c>refs/tags/v1.2.0</c>, <c>refs/pull/7/merge</c>.</summary>
    public string? Ref { get; init; }

    /// <summary><c>GITHUB_REF_NAME</c>, e.g. <c>main</c>, <c>v1.2.0</c>, <c>7/merge</c>.</summary>
    public string? RefName { get; init; }

    /// <summary><c>GITHUB_REF_TYPE</c>.</summary>
    public GitHubRefType RefType { get; init; }

    /// <summary><c>GITHUB_ACTOR</c>: the account that started the run.</summary>
    public string? Actor { get; init; }

    /// <summary><c>GITHUB_SHA</c>, the commit the run builds.</summary>
    public string? Sha { get; init; }

    /// <summary><c>GITHUB_EVENT_NAME</c>, e.g. <c>push</c>, <c>pull_request</c>, <c>workflow_dispatch</c>, <c>schedule</c>.</summary>
    public string? EventName { get; init; }

    /// <summary><c>GITHUB_HEAD_REF</c>: the source branch of a pull request, else unset.</summary>
    public string? HeadRef { get; init; }

    /// <summary><c>GITHUB_BASE_REF</c>: the target branch of a pull request, else unset.</summary>
    public string? BaseRef { get; init; }

    /// <summary><c>GITHUB_RUN_ID</c>.</summary>
    public string? RunId { get; init; }

    /// <summary><c>GITHUB_SERVER_URL</c>, e.g. <c>https://github.com</c>.</summary>
    public string? ServerUrl { get; init; }

    /// <summary><c>GITHUB_EVENT_PATH</c>: the file holding the event's JSON payload.</summary>
    public string? EventPath { get; init; }

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the file whose Markdown becomes the job summary.</summary>
    public string? StepSummaryPath { get; init; }

    public bool IsPullRequest => HeadRef is not null;

    public bool IsTag => RefType == GitHubRefType.Tag;

    /// <summary>The branch built: a pull request's source branch, else the pushed branch; null for a tag.</summary>
    public string? Branch => HeadRef ?? (RefType == GitHubRefType.Branch ? RefName : null);

    /// <summary>The tag built, or null.</summary>
    public string? Tag => IsTag ? RefName : null;

    /// <summary>The page of this run, when the runner said enough to know it.</summary>
    public string? RunUrl => ServerUrl is null || Repository is null || RunId is null
        ? null
        : $"{ServerUrl.TrimEnd('/')}/{Repository}/actions/runs/{RunId}";

    public static GitHubActionsEnvironment From(IReadOnlyDictionary<string, string> environment)
    {
        string? Read(string name) => environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new GitHubActionsEnvironment
        {
            IsGitHubActions = Read("GITHUB_ACTIONS") == "true",
            Repository = Read("GITHUB_REPOSITORY"),
            Ref = Read("GITHUB_REF"),
            RefName = Read("GITHUB_REF_NAME"),
            RefType = Read("GITHUB_REF_TYPE") switch
            {
                "branch" => GitHubRefType.Branch,
                "tag" => GitHubRefType.Tag,
                _ => GitHubRefType.None,
            },
            Actor = Read("GITHUB_ACTOR"),
            Sha = Read("GITHUB_SHA"),
            EventName = Read("GITHUB_EVENT_NAME"),
            HeadRef = Read("GITHUB_HEAD_REF"),
            BaseRef = Read("GITHUB_BASE_REF"),
            RunId = Read("GITHUB_RUN_ID"),
            ServerUrl = Read("GITHUB_SERVER_URL"),
            EventPath = Read("GITHUB_EVENT_PATH"),
            StepSummaryPath = Read("GITHUB_STEP_SUMMARY"),
        };
    }
}
