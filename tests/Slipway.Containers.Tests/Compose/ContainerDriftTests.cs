using Slipway.Containers.Compose;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Compose;

public sealed class ContainerDriftTests
{
    private static readonly AbsolutePath Root = AbsolutePath.From("/work/voice");
    private const string Image = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static SyncPath Synced(string path, SyncPathKind kind = SyncPathKind.File) =>
        new(Root / path, "/srv/" + path, kind);

    [Fact]
    public void A_container_fresh_from_its_image_has_not_drifted()
    {
        var drift = ContainerDrift.None("backend", Image);

        Assert.False(drift.HasDrifted);
        Assert.Null(drift.LogLine);
    }

    [Fact]
    public void Files_synced_since_the_build_are_named_once_each_in_one_line()
    {
        var drift = ContainerDrift.None("backend", Image)
            .After([Synced("app/main.py")], Root)
            .After([Synced("app/api", SyncPathKind.Folder), Synced("app/api/routes.py"), Synced("app/main.py")], Root)
            .After([Synced("app/old.py", SyncPathKind.Deleted), Synced("app/extra.py")], Root);

        Assert.Equal(["app/api/routes.py", "app/main.py", "app/old.py deleted", "app/extra.py"], drift.SyncedPaths);
        Assert.Equal("backend drifted from sha256:0123456789ab: 4 files synced since it was built " +
                     "(app/api/routes.py, app/main.py, app/old.py deleted and 1 more)", drift.LogLine);
    }

    [Fact]
    public void A_rebuild_clears_the_drift()
    {
        var drifted = ContainerDrift.None("backend", Image).After([Synced("app/main.py")], Root);

        var rebuilt = drifted.Rebuilt("sha256:fedcba9876543210");

        Assert.True(drifted.HasDrifted);
        Assert.False(rebuilt.HasDrifted);
        Assert.Equal("sha256:fedcba9876543210", rebuilt.ImageId);
    }
}
