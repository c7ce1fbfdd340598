using Slipway.Containers.GitHub;

namespace Slipway.Containers.Tests.GitHub;

public sealed class GitHubConnectionTests
{
    [Fact]
    public void Talks_to_api_github_com_unless_told_otherwise()
    {
        Assert.Equal(new Uri("https://api.github.com/"), GitHubConnection.Create("t").Connection.BaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:8080/api/v3/"), GitHubConnection.Create("t", new Uri("http://127.0.0.1:8080/")).Connection.BaseAddress);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuses_to_start_without_a_token(string? token)
    {
        var failure = Assert.Throws<SlipwayException>(() => GitHubConnection.Create(token));

        Assert.Equal("no GitHub token: set GITHUB_TOKEN (in a workflow, pass secrets.GITHUB_TOKEN to the step)", failure.Message);
    }

    [Fact]
    public void Reads_owner_and_name_of_a_repository()
    {
        Assert.Equal(new GitHubRepository("acme", "voice"), GitHubRepository.Parse("acme/voice"));
        Assert.Equal("acme/voice", GitHubRepository.Parse("acme/voice").ToString());
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme/voice/extra")]
    [InlineData("/voice")]
    [InlineData(null)]
    public void Refuses_a_repository_that_is_not_owner_slash_name(string? value)
    {
        var failure = Assert.Throws<SlipwayException>(() => GitHubRepository.Parse(value));

        Assert.Equal($"'{value}' is not a GitHub repository: expected owner/name, like acme/voice", failure.Message);
    }
}
