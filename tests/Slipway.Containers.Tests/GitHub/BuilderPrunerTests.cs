using Slipway.Containers.GitHub;
using static Slipway.Containers.Tests.GitHub.BuilderVersions;

namespace Slipway.Containers.Tests.GitHub;

public sealed class BuilderPrunerTests : IDisposable
{
    private readonly GitHubStandIn _github = new(pageSize: 2);
    private readonly CollectingSink _output = new();

    public BuilderPrunerTests()
    {
        _github.AddOrganization("acme");
        _github.AddVersion("acme", "voice-builder", 101, Digest(101), Now.AddDays(-50));
        _github.AddVersion("acme", "voice-builder", 102, Digest(102), Now.AddDays(-40), Deps('a'), "builder-1.0.0");
        _github.AddVersion("acme", "voice-builder", 103, Digest(103), Now.AddDays(-30), Deps('b'), "main-builder");
        _github.AddVersion("acme", "voice-builder", 104, Digest(104), Now.AddDays(-20), Deps('c'));
        _github.AddVersion("acme", "voice-builder", 105, Digest(105), Now.AddDays(-10), Deps('d'));
        _github.AddVersion("acme", "voice-builder", 106, Digest(106), Now.AddDays(-1), Deps('e'), "latest");
    }

    public void Dispose() => _github.Dispose();

    private BuilderPruner Pruner() => new(
        new ContainerPackageVersions(GitHubConnection.Create(_github.Token, _github.BaseUrl), PackageOwner.Organization("acme"), "voice-builder"),
        new BuilderPrunePolicy(keepNewest: 2, [new AppImageReference("ghcr.io/acme/voice:1.0.0", Hash('a'))]),
        _output.Logger());

    [Fact]
    public async Task A_dry_run_deletes_nothing_and_prints_the_plan()
    {
        var result = await Pruner().RunAsync();

        Assert.False(result.Applied);
        Assert.Empty(result.Deleted);
        Assert.DoesNotContain(_github.Requests, r => r.StartsWith("DELETE", StringComparison.Ordinal));
        Assert.Equal(6, _github.VersionIds("acme", "voice-builder").Count);
        Assert.Equal([104L, 103L, 101L], result.Plan.ToDelete.Select(d => d.Version.Id));
        Assert.Equal(
            """
            Builder package voice-builder of acme: 6 versions; would delete 3, keep 3 (dry run: pass --prune-apply to delete)
              ACTION  VERSION     CREATED (UTC)     DIGEST               TAGS                              REASON
              keep    106         2025-05-31 12:00  sha256:9b5381e82172  deps-eeeeeeeeeeee, latest         tagged latest; deps-eeeeeeeeeeee is among the 2 newest dependency hashes
              keep    105         2025-05-22 12:00  sha256:938ea5e35a68  deps-dddddddddddd                 deps-dddddddddddd is among the 2 newest dependency hashes
              delete  104         2025-05-12 12:00  sha256:ed833ce6d2b1  deps-cccccccccccc                 deps-cccccccccccc is older than the 2 newest dependency hashes and used by no kept app image
              delete  103         2025-05-02 12:00  sha256:5c62e2f48f43  deps-bbbbbbbbbbbb, main-builder   deps-bbbbbbbbbbbb is older than the 2 newest dependency hashes and used by no kept app image (also removes tag main-builder)
              keep    102         2025-04-22 12:00  sha256:98fdfcbc3fdc  deps-aaaaaaaaaaaa, builder-1.0.0  deps-aaaaaaaaaaaa is used by app image ghcr.io/acme/voice:1.0.0
              delete  101         2025-04-12 12:00  sha256:8d67520993de  (untagged)                        untagged and older than every kept version (dangling)
            """,
            _output.Text);
    }

    [Fact]
    public async Task Apply_deletes_exactly_the_planned_versions_and_reports_each()
    {
        var result = await Pruner().RunAsync(apply: true);

        var planned = result.Plan.ToDelete.Select(d => d.Version.Id).ToArray();
        Assert.Equal(planned, result.Deleted.Select(v => v.Id));
        Assert.Equal(planned.Select(id => $"DELETE /api/v3/orgs/acme/packages/container/voice-builder/versions/{id}"),
            _github.Requests.Where(r => r.StartsWith("DELETE", StringComparison.Ordinal)));
        Assert.Equal([102L, 105L, 106L], _github.VersionIds("acme", "voice-builder").Order());
        Assert.Contains("Deleted builder version 104 (deps-cccccccccccc): deps-cccccccccccc is older than the 2 newest dependency hashes and used by no kept app image", _output.Lines);
        Assert.Equal("Deleted 3 builder versions of voice-builder of acme", _output.Lines[^1]);
    }

    [Fact]
    public async Task Apply_a_second_time_finds_nothing_more_to_delete()
    {
        await Pruner().RunAsync(apply: true);

        var again = await Pruner().RunAsync(apply: true);

        Assert.Empty(again.Plan.ToDelete);
        Assert.Empty(again.Deleted);
    }

    [Fact]
    public async Task A_refused_delete_stops_with_one_line_and_keeps_the_rest()
    {
        _github.Forbid("DELETE", "orgs/acme/packages/container/voice-builder/versions/103");

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Pruner().RunAsync(apply: true));

        Assert.StartsWith("GitHub refused to delete version 103 of package voice-builder of acme: 403", failure.Message);
        Assert.EndsWith("(after deleting 1 of 3)", failure.Message);
        Assert.Equal([101L, 102L, 103L, 105L, 106L], _github.VersionIds("acme", "voice-builder").Order());
    }
}
