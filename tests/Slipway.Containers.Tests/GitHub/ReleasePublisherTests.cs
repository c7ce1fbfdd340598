using Octokit;
using Slipway.Containers.GitHub;

namespace Slipway.Containers.Tests.GitHub;

public sealed class ReleasePublisherTests : IDisposable
{
    private static readonly string First = "sha256:" + new string('1', 64);
    private static readonly string Second = "sha256:" + new string('2', 64);
    private static readonly string Third = "sha256:" + new string('3', 64);

    private readonly GitHubStandIn _github = new();
    private readonly CollectingSink _output = new();

    public ReleasePublisherTests() => _github.AddRepository("acme", "voice");

    public void Dispose() => _github.Dispose();

    private IGitHubClient Client(string? token = null) => GitHubConnection.Create(token ?? _github.Token, _github.BaseUrl);

    private ReleasePublisher Publisher(string repository = "acme/voice") =>
        new(Client(), GitHubRepository.Parse(repository), _output.Logger());

    private static PublishedImage[] Images(string amd64, string arm64) =>
    [
        new("ghcr.io/acme/voice", "1.2.3", "linux/amd64", amd64),
        new("ghcr.io/acme/voice", "1.2.3", "linux/arm64", arm64),
    ];

    [Fact]
    public async Task Creates_the_release_with_image_references_and_platform_digests()
    {
        var release = await Publisher().PublishAsync("v1.2.3", Images(First, Second));

        Assert.Equal(ReleaseOutcome.Created, release.Outcome);
        var stored = _github.Release("acme", "voice", "v1.2.3")!;
        Assert.Equal("v1.2.3", (string?)stored["name"]);
        Assert.False((bool)stored["prerelease"]!);
        var body = (string)stored["body"]!;
        Assert.Contains("### `ghcr.io/acme/voice:1.2.3`", body);
        Assert.Contains($"| linux/amd64 | `{First}` | `ghcr.io/acme/voice@{First}` |", body);
        Assert.Contains($"| linux/arm64 | `{Second}` | `ghcr.io/acme/voice@{Second}` |", body);
        Assert.Equal($"Created release v1.2.3 of acme/voice: https://github.com/acme/voice/releases/tag/v1.2.3", _output.Lines.Single());
    }

    [Fact]
    public async Task A_rerun_with_new_digests_updates_the_same_release()
    {
        var created = await Publisher().PublishAsync("v1.2.3", Images(First, Second));

        var updated = await Publisher().PublishAsync("v1.2.3", Images(First, Third));

        Assert.Equal(ReleaseOutcome.Updated, updated.Outcome);
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(1, _github.ReleaseCount);
        var body = (string)_github.Release("acme", "voice", "v1.2.3")!["body"]!;
        Assert.Contains(Third, body);
        Assert.DoesNotContain(Second, body);
    }

    [Fact]
    public async Task A_rerun_with_the_same_images_changes_nothing()
    {
        await Publisher().PublishAsync("v1.2.3", Images(First, Second));

        var again = await Publisher().PublishAsync("v1.2.3", Images(First, Second));

        Assert.Equal(ReleaseOutcome.Unchanged, again.Outcome);
        Assert.DoesNotContain(_github.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keeps_the_notes_of_a_release_someone_wrote_by_hand()
    {
        await Client().Repository.Release.Create("acme", "voice", new NewRelease("v1.2.3") { Body = "Faster start-up." });

        var release = await Publisher().PublishAsync("v1.2.3", Images(First, Second));

        Assert.Equal(ReleaseOutcome.Updated, release.Outcome);
        var body = (string)_github.Release("acme", "voice", "v1.2.3")!["body"]!;
        Assert.StartsWith("Faster start-up.\n\n" + ReleaseNotes.SectionStart, body);
    }

    [Fact]
    public async Task Marks_a_prerelease_tag_as_a_prerelease()
    {
        await Publisher().PublishAsync("v2.0.0-rc.1", Images(First, Second));

        Assert.True((bool)_github.Release("acme", "voice", "v2.0.0-rc.1")!["prerelease"]!);
    }

    [Fact]
    public async Task Refuses_a_tag_that_is_not_semver()
    {
        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Publisher().PublishAsync("nightly", Images(First, Second)));

        Assert.Equal("a release needs a semver tag like v1.2.3, not 'nightly'", failure.Message);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task A_missing_repository_is_one_clear_line()
    {
        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Publisher("acme/missing").PublishAsync("v1.2.3", Images(First, Second)));

        Assert.Equal("GitHub refused to create release v1.2.3 of acme/missing: 404 Not Found — " +
            "check that the repository acme/missing exists and the token can see it", failure.Message);
    }

    [Fact]
    public async Task A_token_without_write_access_is_one_clear_line()
    {
        _github.Forbid("POST", "repos/acme/voice/releases");

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Publisher().PublishAsync("v1.2.3", Images(First, Second)));

        Assert.Equal("GitHub refused to create release v1.2.3 of acme/voice: 403 Resource not accessible by personal access token — " +
            "the token needs write access to the contents of acme/voice (a workflow's GITHUB_TOKEN needs contents: write)", failure.Message);
    }

    [Fact]
    public async Task A_bad_token_is_one_clear_line_that_never_shows_the_token()
    {
        const string wrong = "ghp_anotherWrongToken77";
        var publisher = new ReleasePublisher(Client(wrong), GitHubRepository.Parse("acme/voice"), _output.Logger());

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => publisher.PublishAsync("v1.2.3", Images(First, Second)));

        Assert.Equal("GitHub refused to read release v1.2.3 of acme/voice: 401 Bad credentials — check GITHUB_TOKEN", failure.Message);
        Assert.DoesNotContain(wrong, failure.ToString());
    }
}
