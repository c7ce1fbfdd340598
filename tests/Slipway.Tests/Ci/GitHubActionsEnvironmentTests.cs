using Slipway.Ci;

namespace Slipway.Tests.Ci;

public sealed class GitHubActionsEnvironmentTests
{
    private static readonly Dictionary<string, string> TagPush = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "acme/voice",
        ["GITHUB_REF"] = "refs/tags/v1.2.0",
        ["GITHUB_REF_NAME"] = "v1.2.0",
        ["GITHUB_REF_TYPE"] = "tag",
        ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_HEAD_REF"] = "",
        ["GITHUB_BASE_REF"] = "",
        ["GITHUB_RUN_ID"] = "42",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_STEP_SUMMARY"] = "/runner/summary.md",
    };

    [Fact]
    public void Reads_a_tag_push_from_the_runners_variables()
    {
        var environment = GitHubActionsEnvironment.From(TagPush);

        Assert.Equal(new GitHubActionsEnvironment
        {
            IsGitHubActions = true,
            Repository = "acme/voice",
            Ref = "refs/tags/v1.2.0",
            RefName = "v1.2.0",
            RefType = GitHubRefType.Tag,
            Sha = "0123456789abcdef0123456789abcdef01234567",
            EventName = "push",
            RunId = "42",
            ServerUrl = "https://github.com",
            StepSummaryPath = "/runner/summary.md",
        }, environment);
        Assert.Equal("v1.2.0", environment.Tag);
        Assert.Null(environment.Branch);
        Assert.False(environment.IsPullRequest);
        Assert.Equal("https://github.com/acme/voice/actions/runs/42", environment.RunUrl);
    }

    [Fact]
    public void A_pull_request_builds_its_source_branch()
    {
        var environment = GitHubActionsEnvironment.From(new Dictionary<string, string>(TagPush)
        {
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_REF_NAME"] = "7/merge",
            ["GITHUB_REF_TYPE"] = "branch",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_HEAD_REF"] = "feature/arm",
            ["GITHUB_BASE_REF"] = "main",
        });

        Assert.True(environment.IsPullRequest);
        Assert.Equal("feature/arm", environment.Branch);
        Assert.Equal("main", environment.BaseRef);
        Assert.Null(environment.Tag);
    }

    [Fact]
    public void Outside_GitHub_Actions_nothing_is_set()
    {
        var environment = GitHubActionsEnvironment.From(new Dictionary<string, string> { ["PATH"] = "/usr/bin" });

        Assert.Equal(GitHubActionsEnvironment.None, environment);
        Assert.False(environment.IsGitHubActions);
        Assert.Null(environment.RunUrl);
    }

    [Fact]
    public void Reads_the_actor_and_the_event_payload_file()
    {
        var environment = GitHubActionsEnvironment.From(new Dictionary<string, string>(TagPush)
        {
            ["GITHUB_ACTOR"] = "octocat",
            ["GITHUB_EVENT_PATH"] = "/runner/event.json",
        });

        Assert.Equal("octocat", environment.Actor);
        Assert.Equal("/runner/event.json", environment.EventPath);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public async Task The_build_asks_the_same_reader_whether_it_runs_on_GitHub_Actions(string value, bool expected)
    {
        using var root = new Support.TempRoot();
        var build = new Support.SampleBuild();

        await Support.BuildRun.RunAsync<Support.SampleBuild>(root, ["--plan"], b => b.Test, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = value }, build: build);

        Assert.Equal(expected, build.IsGitHubActions);
        Assert.Equal(expected, GitHubActionsEnvironment.From(build.EnvironmentVariables).IsGitHubActions);
    }
}
