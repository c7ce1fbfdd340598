using System.Runtime.Versioning;
using Slipway.Containers.Tagging;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Tagging;

/// <summary>What git says of HEAD: commit, commit time, branch, the release tag on it and the origin's repository.</summary>
[SupportedOSPlatform("linux")]
public sealed class SourceRevisionReaderTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_commit_on_a_branch_gives_its_sha_time_branch_and_origin()
    {
        var repository = GitRepositories.Create(_folder.Path / "plain", "trunk");
        GitRepositories.Git(repository, "remote", "add", "origin", "git@github.com:acme/voice.git");

        var revision = SourceRevisionReader.Read(NoEnvironment, repository);

        Assert.Equal("trunk", revision.Branch);
        Assert.Matches("^[0-9a-f]{40}$", revision.Sha);
        Assert.Null(revision.GitTag);
        Assert.Equal("acme/voice", revision.Repository);
        Assert.True(revision.IsDefaultBranch);
        Assert.InRange(revision.CommitTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Of_several_tags_on_the_commit_the_highest_release_is_taken_whatever_the_users_log_settings()
    {
        var repository = GitRepositories.Create(_folder.Path / "tags", "main");
        GitRepositories.Git(repository, "tag", "v1.2.0-rc.1");
        GitRepositories.Git(repository, "tag", "-a", "v1.2.0", "-m", "release");
        GitRepositories.Git(repository, "tag", "nightly");
        GitRepositories.Git(repository, "config", "log.excludeDecoration", "refs/tags/");
        GitRepositories.Git(repository, "config", "log.showSignature", "true");

        Assert.Equal("v1.2.0", SourceRevisionReader.Read(NoEnvironment, repository).GitTag);
    }

    [Fact]
    public void A_detached_head_has_no_branch()
    {
        var repository = GitRepositories.Create(_folder.Path / "detached", "main");
        GitRepositories.Git(repository, "checkout", "-q", "--detach");

        var revision = SourceRevisionReader.Read(NoEnvironment, repository);

        Assert.Null(revision.Branch);
        Assert.False(revision.IsDefaultBranch);
        Assert.NotNull(revision.Sha);
    }

    [Fact]
    public void Outside_a_repository_the_revision_is_unknown()
    {
        Assert.Equal(SourceRevision.Unknown, SourceRevisionReader.Read(NoEnvironment, _folder.Path));
    }

    [Theory]
    [InlineData("abc\n1700000000\nHEAD -> feature/x, tag: v2.0.0, main", "feature/x", "v2.0.0")]
    [InlineData("abc\n1700000000\nHEAD, tag: build-7, main", null, "build-7")]
    [InlineData("abc\n1700000000\ntag: 1.0.0, tag: 1.10.0, tag: 1.9.9", null, "1.10.0")]
    [InlineData("abc\n1700000000\n", null, null)]
    public void Parses_the_commit_line_and_its_decorations(string output, string? branch, string? tag)
    {
        var head = GitHead.Parse(output)!;

        Assert.Equal("abc", head.Sha);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), head.CommitTime);
        Assert.Equal(branch, head.Branch);
        Assert.Equal(tag, head.Tag);
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1")]
    public void Semantic_versions_follow_their_precedence(string lower, string higher)
    {
        Assert.True(new SemanticVersionOrder(lower).CompareTo(new SemanticVersionOrder(higher)) < 0);
        Assert.True(new SemanticVersionOrder(higher).CompareTo(new SemanticVersionOrder(lower)) > 0);
        Assert.Equal(0, new SemanticVersionOrder(lower).CompareTo(new SemanticVersionOrder(lower)));
    }
}
