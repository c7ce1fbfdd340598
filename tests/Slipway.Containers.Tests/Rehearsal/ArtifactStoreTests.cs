using System.Runtime.Versioning;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Rehearsal;

[SupportedOSPlatform("linux")]
public sealed class ArtifactStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Upload_keeps_paths_below_the_folder_and_leaves_out_hidden_files_unless_asked()
    {
        _folder.Write("work/.nuke/temp/digests/app-linux-amd64", "sha256:a");
        _folder.Write("work/.nuke/temp/digests/.builder-linux-amd64", "sha256:b");
        var store = new ArtifactStore(_folder.Path / "artifacts");

        var plain = store.Upload("plain", _folder.Path / "work", new Dictionary<string, string> { ["path"] = ".nuke/temp/digests/" });
        var hidden = store.Upload("hidden", _folder.Path / "work",
            new Dictionary<string, string> { ["path"] = ".nuke/temp/digests/", ["include-hidden-files"] = "true" });

        Assert.Equal(1, plain);
        Assert.True(File.Exists(_folder.Path / "artifacts/plain/app-linux-amd64"));
        Assert.Equal(2, hidden);
        Assert.True(File.Exists(_folder.Path / "artifacts/hidden/.builder-linux-amd64"));
    }

    [Fact]
    public void Upload_with_no_files_fails_when_asked_to()
    {
        var store = new ArtifactStore(_folder.Path / "artifacts");

        var error = Assert.Throws<SlipwayException>(() => store.Upload("digests-linux-amd64", _folder.Path,
            new Dictionary<string, string> { ["path"] = "missing/", ["if-no-files-found"] = "error" }));

        Assert.Contains("no files found", error.Message);
    }

    [Fact]
    public void Download_by_pattern_merges_into_the_path_or_keeps_one_folder_per_artifact()
    {
        _folder.Write("artifacts/digests-linux-amd64/a", "1");
        _folder.Write("artifacts/digests-linux-arm64/b", "2");
        _folder.Write("artifacts/logs/c", "3");
        var store = new ArtifactStore(_folder.Path / "artifacts");

        var merged = store.PlanDownload(new Dictionary<string, string> { ["pattern"] = "digests-*", ["path"] = "d", ["merge-multiple"] = "true" });
        var apart = store.PlanDownload(new Dictionary<string, string> { ["pattern"] = "digests-*", ["path"] = "d" });

        Assert.Equal([("digests-linux-amd64", "d"), ("digests-linux-arm64", "d")], merged.Select(p => (Path.GetFileName(p.Artifact), p.Destination)));
        Assert.Equal(["d/digests-linux-amd64", "d/digests-linux-arm64"], apart.Select(p => p.Destination));
        Assert.Throws<SlipwayException>(() => store.PlanDownload(new Dictionary<string, string> { ["pattern"] = "sbom-*" }));
    }

    public void Dispose() => _folder.Dispose();
}
