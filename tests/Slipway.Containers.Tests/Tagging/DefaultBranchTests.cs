using System.Runtime.Versioning;
using Slipway.Containers.Tagging;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Tagging;

/// <summary>The branch tagged latest comes from the repository: origin/HEAD, the only branch, init.defaultBranch, else main.</summary>
[SupportedOSPlatform("linux")]
public sealed class DefaultBranchTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void Git(string folder, params string[] arguments) => GitRepositories.Git(folder, arguments);

    private string Repository(string name, params string[] branches) => GitRepositories.Create(_folder.Path / name, branches);

    [Fact]
    public void A_clone_takes_what_origin_HEAD_points_at()
    {
        var upstream = Repository("upstream", "master", "feature");
        Git(_folder.Path, "clone", "-q", upstream, "clone");
        var clone = _folder.Path / "clone";
        Git(clone, "checkout", "-q", "-b", "topic");

        Assert.Equal("master", SourceRevisionReader.DefaultBranch(NoEnvironment, clone));
        Assert.False(SourceRevisionReader.Read(NoEnvironment, clone).IsDefaultBranch);
        Git(clone, "checkout", "-q", "master");
        Assert.True(SourceRevisionReader.Read(NoEnvironment, clone).IsDefaultBranch);
    }

    [Fact]
    public void Without_a_remote_the_only_local_branch_is_the_default()
    {
        var repository = Repository("single", "trunk");

        Assert.Equal("trunk", SourceRevisionReader.DefaultBranch(NoEnvironment, repository));
        Assert.True(SourceRevisionReader.Read(NoEnvironment, repository).IsDefaultBranch);
    }

    [Fact]
    public void Several_branches_and_no_remote_ask_init_default_branch_else_main()
    {
        var repository = Repository("several", "develop", "release");

        Assert.Equal("main", SourceRevisionReader.DefaultBranch(NoEnvironment, repository));
        Git(repository, "config", "init.defaultBranch", "release");
        Assert.Equal("release", SourceRevisionReader.DefaultBranch(NoEnvironment, repository));
    }

    [Fact]
    public void An_override_wins_over_the_repository()
    {
        var repository = Repository("override", "master");

        Assert.False(SourceRevisionReader.Read(NoEnvironment, repository, "main").IsDefaultBranch);
        Assert.True(SourceRevisionReader.Read(NoEnvironment, repository, null).IsDefaultBranch);
    }

    [Fact]
    public void On_github_actions_the_event_names_the_default_branch()
    {
        var repository = Repository("actions", "master");
        var payload = _folder.Write("event.json", """{"repository": {"default_branch": "production"}}""");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_PATH"] = payload, ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_REF_NAME"] = "production",
        };

        Assert.Equal("production", SourceRevisionReader.DefaultBranch(environment, repository));
        Assert.True(SourceRevisionReader.Read(environment, repository).IsDefaultBranch);
    }
}
