using Slipway.Containers.GitHub;
using static Slipway.Containers.Tests.GitHub.BuilderVersions;

namespace Slipway.Containers.Tests.GitHub;

public sealed class ContainerPackageVersionsTests : IDisposable
{
    private readonly GitHubStandIn _github = new(pageSize: 2);

    public ContainerPackageVersionsTests()
    {
        _github.AddOrganization("acme");
        _github.AddUser("alice");
    }

    public void Dispose() => _github.Dispose();

    private ContainerPackageVersions Package(PackageOwner owner, string name, string? token = null) =>
        new(GitHubConnection.Create(token ?? _github.Token, _github.BaseUrl), owner, name);

    [Fact]
    public async Task Lists_every_version_across_pages()
    {
        for (var id = 1; id <= 7; id++)
            _github.AddVersion("acme", "voice-builder", id, Digest(id), Now.AddDays(-10 + id), id % 2 == 0 ? [Deps((char)('a' + id))] : []);
        _github.AddVersion("acme", "voice-builder", 8, Digest(8), Now, Deps('z'), "latest");

        var versions = await Package(PackageOwner.Organization("acme"), "voice-builder").ListAsync();

        Assert.Equal([8L, 7, 6, 5, 4, 3, 2, 1], versions.Select(v => v.Id));
        Assert.Equal(4, _github.Requests.Count(r => r.StartsWith("GET /api/v3/orgs/acme/packages/container/voice-builder/versions", StringComparison.Ordinal)));
        var latest = versions[0];
        Assert.Equal([Deps('z'), "latest"], latest.Tags);
        Assert.Equal(Digest(8), latest.Digest);
        Assert.Equal(Now, latest.CreatedAt);
        Assert.Empty(versions.Single(v => v.Id == 7).Tags);
    }

    [Fact]
    public async Task Lists_and_deletes_versions_of_a_user_owned_package()
    {
        _github.AddVersion("alice", "voice-builder", 1, Digest(1), Now, Deps('a'));
        _github.AddVersion("alice", "voice-builder", 2, Digest(2), Now, Deps('b'));
        var package = Package(PackageOwner.User("alice"), "voice-builder");

        await package.DeleteAsync(1);

        Assert.Equal([2L], (await package.ListAsync()).Select(v => v.Id));
        Assert.Contains("DELETE /api/v3/users/alice/packages/container/voice-builder/versions/1", _github.Requests);
    }

    [Fact]
    public async Task Tells_organizations_from_users()
    {
        var client = GitHubConnection.Create(_github.Token, _github.BaseUrl);

        Assert.Equal(PackageOwner.Organization("acme"), await PackageOwner.DetectAsync(client, "acme"));
        Assert.Equal(PackageOwner.User("alice"), await PackageOwner.DetectAsync(client, "alice"));
    }

    [Fact]
    public async Task Escapes_a_package_name_with_a_slash_as_one_path_segment()
    {
        _github.AddVersion("acme", "voice/builder", 1, Digest(1), Now, Deps('a'));

        var versions = await Package(PackageOwner.Organization("acme"), "voice/builder").ListAsync();

        Assert.Single(versions);
        Assert.Contains(_github.Requests, r => r.StartsWith("GET /api/v3/orgs/acme/packages/container/voice%2Fbuilder/versions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deletes_a_version_whose_id_is_past_what_Octokit_takes()
    {
        const long id = 3_000_000_000;
        _github.AddVersion("acme", "voice-builder", id, Digest(1), Now, Deps('a'));

        await Package(PackageOwner.Organization("acme"), "voice-builder").DeleteAsync(id);

        Assert.Empty(_github.VersionIds("acme", "voice-builder"));
    }

    [Fact]
    public async Task A_bad_token_is_one_clear_line_that_never_shows_the_token()
    {
        _github.AddVersion("acme", "voice-builder", 1, Digest(1), Now, Deps('a'));
        const string wrong = "ghp_wrongTokenDoNotPrint42";

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Package(PackageOwner.Organization("acme"), "voice-builder", wrong).ListAsync());

        Assert.Equal("GitHub refused to list package voice-builder of acme: 401 Bad credentials — check GITHUB_TOKEN", failure.Message);
        Assert.DoesNotContain(wrong, failure.ToString());
    }

    [Fact]
    public async Task A_missing_package_is_one_clear_line()
    {
        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Package(PackageOwner.Organization("acme"), "voice-builder").ListAsync());

        Assert.Equal("GitHub refused to list package voice-builder of acme: 404 Not Found — " +
            "check the package name and owner, and that the token may read the package", failure.Message);
    }

    [Fact]
    public async Task A_user_package_asked_for_as_an_organization_one_is_not_found()
    {
        _github.AddVersion("alice", "voice-builder", 1, Digest(1), Now, Deps('a'));

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Package(PackageOwner.Organization("alice"), "voice-builder").ListAsync());

        Assert.StartsWith("GitHub refused to list package voice-builder of alice: 404", failure.Message);
    }

    [Fact]
    public async Task A_forbidden_delete_is_one_clear_line_naming_the_permission()
    {
        _github.AddVersion("acme", "voice-builder", 1, Digest(1), Now, Deps('a'));
        _github.Forbid("DELETE", "orgs/acme/packages/");

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Package(PackageOwner.Organization("acme"), "voice-builder").DeleteAsync(1));

        Assert.Equal("GitHub refused to delete version 1 of package voice-builder of acme: 403 Resource not accessible by personal access token — " +
            "the token needs delete:packages and admin access to the package (a workflow's GITHUB_TOKEN needs packages: write)", failure.Message);
        Assert.Equal([1L], _github.VersionIds("acme", "voice-builder"));
    }

    [Fact]
    public async Task An_unreachable_GitHub_is_one_clear_line()
    {
        var address = _github.BaseUrl;
        _github.Dispose();

        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            new ContainerPackageVersions(GitHubConnection.Create("t", address), PackageOwner.Organization("acme"), "voice-builder").ListAsync());

        Assert.StartsWith($"could not reach GitHub at {address}api/v3/ to list package voice-builder of acme:", failure.Message);
    }
}
