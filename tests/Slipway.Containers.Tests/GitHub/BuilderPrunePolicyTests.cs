using Slipway.Containers.GitHub;
using static Slipway.Containers.Tests.GitHub.BuilderVersions;

namespace Slipway.Containers.Tests.GitHub;

public sealed class BuilderPrunePolicyTests
{
    [Fact]
    public void Keeps_the_version_tagged_latest_whatever_its_age()
    {
        var plan = new BuilderPrunePolicy(keepNewest: 1).Decide([
            Version(1, daysAgo: 90, Deps('a'), "latest"),
            Version(2, daysAgo: 1, Deps('b')),
        ]);

        Assert.Equal(PruneAction.Keep, plan.For(1).Action);
        Assert.Contains("tagged latest", plan.For(1).Reason);
    }

    [Fact]
    public void Keeps_the_newest_N_dependency_hashes_and_deletes_older_ones()
    {
        var plan = new BuilderPrunePolicy(keepNewest: 2).Decide([
            Version(1, daysAgo: 30, Deps('a')),
            Version(2, daysAgo: 20, Deps('b')),
            Version(3, daysAgo: 10, Deps('c')),
            Version(4, daysAgo: 5, Deps('d')),
        ]);

        Assert.Equal([4L, 3L], plan.ToKeep.Select(d => d.Version.Id));
        Assert.Equal([2L, 1L], plan.ToDelete.Select(d => d.Version.Id));
        Assert.Equal($"{Deps('d')} is among the 2 newest dependency hashes", plan.For(4).Reason);
        Assert.Equal($"{Deps('a')} is older than the 2 newest dependency hashes and used by no kept app image", plan.For(1).Reason);
    }

    [Fact]
    public void Keeps_an_old_hash_a_kept_app_image_still_uses_matching_the_full_hash_from_its_label()
    {
        var fullHash = Hash('a') + new string('f', 52);
        var plan = new BuilderPrunePolicy(keepNewest: 1, [new AppImageReference("ghcr.io/acme/voice:1.2.0", fullHash)]).Decide([
            Version(1, daysAgo: 60, Deps('a'), "builder-1.2.0"),
            Version(2, daysAgo: 30, Deps('b')),
            Version(3, daysAgo: 1, Deps('c')),
        ]);

        Assert.Equal(PruneAction.Keep, plan.For(1).Action);
        Assert.Equal($"{Deps('a')} is used by app image ghcr.io/acme/voice:1.2.0", plan.For(1).Reason);
        Assert.Equal(PruneAction.Delete, plan.For(2).Action);
    }

    [Fact]
    public void Accepts_a_referenced_hash_written_as_the_tag()
    {
        var plan = new BuilderPrunePolicy(0, [new AppImageReference("voice:sha-1234567", Deps('a'))]).Decide([Version(1, 9, Deps('a'))]);

        Assert.Equal(PruneAction.Keep, plan.For(1).Action);
    }

    [Fact]
    public void Gives_every_reason_to_keep_a_version()
    {
        var plan = new BuilderPrunePolicy(1, [new AppImageReference("voice:latest", Hash('a'))]).Decide([Version(1, 0, Deps('a'), "latest")]);

        Assert.Equal($"tagged latest; {Deps('a')} is among the 1 newest dependency hashes; {Deps('a')} is used by app image voice:latest",
            plan.For(1).Reason);
    }

    [Fact]
    public void Names_the_branch_tag_a_deletion_takes_with_it()
    {
        var plan = new BuilderPrunePolicy(1).Decide([Version(1, 30, Deps('a'), "main-builder"), Version(2, 1, Deps('b'))]);

        Assert.Equal(PruneAction.Delete, plan.For(1).Action);
        Assert.EndsWith("(also removes tag main-builder)", plan.For(1).Reason);
    }

    [Fact]
    public void Keeps_more_tags_only_when_they_are_declared_protected()
    {
        var plan = new BuilderPrunePolicy(1, protectedTags: ["latest", "main-builder"])
            .Decide([Version(1, 30, Deps('a'), "main-builder"), Version(2, 1, Deps('b'))]);

        Assert.Equal("tagged main-builder", plan.For(1).Reason);
    }

    [Fact]
    public void Leaves_tagged_versions_without_a_dependency_tag_alone()
    {
        var plan = new BuilderPrunePolicy(1).Decide([Version(1, 300, "builder-0.9.0"), Version(2, 1, Deps('b'))]);

        Assert.Equal(PruneAction.Keep, plan.For(1).Action);
        Assert.Equal("no deps-<hash> tag, so not judged (builder-0.9.0)", plan.For(1).Reason);
    }

    [Fact]
    public void Deletes_untagged_versions_older_than_every_kept_version_as_dangling()
    {
        var plan = new BuilderPrunePolicy(1).Decide([
            Version(1, daysAgo: 40),
            Version(2, daysAgo: 30, Deps('a')),
            Version(3, daysAgo: 20),
            Version(4, daysAgo: 10, Deps('b')),
            Version(5, daysAgo: 5),
        ]);

        Assert.Equal("untagged and older than every kept version (dangling)", plan.For(1).Reason);
        Assert.Equal(PruneAction.Delete, plan.For(3).Action);
        Assert.Equal(PruneAction.Keep, plan.For(5).Action);
        Assert.Equal("untagged, but not older than the oldest kept version", plan.For(5).Reason);
    }

    [Fact]
    public void Keeps_untagged_platform_manifests_a_kept_index_refers_to()
    {
        var plan = new BuilderPrunePolicy(1, keptManifestDigests: [Digest(1)])
            .Decide([Version(1, daysAgo: 11), Version(2, daysAgo: 10, Deps('a'))]);

        Assert.Equal(PruneAction.Keep, plan.For(1).Action);
        Assert.Equal("untagged, but a kept image index refers to it", plan.For(1).Reason);
    }

    [Fact]
    public void Lists_decisions_newest_first()
    {
        var plan = new BuilderPrunePolicy(1).Decide([Version(1, 3, Deps('a')), Version(2, 1, Deps('b')), Version(3, 2)]);

        Assert.Equal([2L, 3L, 1L], plan.Decisions.Select(d => d.Version.Id));
    }

    [Fact]
    public void Refuses_a_negative_count_to_keep()
    {
        var failure = Assert.Throws<SlipwayException>(() => new BuilderPrunePolicy(-1));

        Assert.Equal("the number of builder dependency hashes to keep must be 0 or more, not -1", failure.Message);
    }
}
