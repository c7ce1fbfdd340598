using System.Runtime.Versioning;
using Slipway.Containers.Rehearsal;
using Slipway.Containers.Tests.Support;
using Slipway.Processes;

namespace Slipway.Containers.Tests.Rehearsal;

[SupportedOSPlatform("linux")]
public sealed class RehearsalCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void HashFiles_hashes_the_tracked_files_its_globs_match_and_changes_with_them()
    {
        _folder.Write("work/global.json", "{}");
        _folder.Write("work/src/a/a.csproj", "<Project />");
        _folder.Write("work/README.md", "not keyed");
        Git("init", "-q");
        Git("add", ".");
        const string key = "Linux-X64-slipway-${{ hashFiles('global.json', '**/*.csproj') }}";

        var first = RehearsalCache.EvaluateHashFiles(key, _folder.Path / "work");
        _folder.Write("work/README.md", "still not keyed");
        var unchanged = RehearsalCache.EvaluateHashFiles(key, _folder.Path / "work");
        _folder.Write("work/src/a/a.csproj", "<Project Sdk=\"x\" />");
        var changed = RehearsalCache.EvaluateHashFiles(key, _folder.Path / "work");

        Assert.Matches("^Linux-X64-slipway-[0-9a-f]{64}$", first);
        Assert.Equal(first, unchanged);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void An_exact_key_wins_then_the_newest_entry_a_restore_key_prefixes()
    {
        var cache = new RehearsalCache(_folder.Path / "cache");
        Save(cache, "Linux-X64-slipway-old");
        Thread.Sleep(50);
        Save(cache, "Linux-X64-slipway-new");

        Assert.Equal("Linux-X64-slipway-old", cache.Find("Linux-X64-slipway-old", ["Linux-X64-slipway-"])?.Key);
        Assert.Equal("Linux-X64-slipway-new", cache.Find("Linux-X64-slipway-other", ["Linux-X64-slipway-"])?.Key);
        Assert.Null(cache.Find("Linux-ARM64-slipway-x", ["Linux-ARM64-slipway-"]));
    }

    [Fact]
    public void Only_workspace_paths_are_kept_in_the_cache()
    {
        Assert.Equal([(0, ".nuke/temp")], RehearsalCache.WorkspacePaths(".nuke/temp\n~/.nuget/packages\n!.nuke/temp/digests\n"));
        Assert.Equal([".nuke/temp/digests"], RehearsalCache.ExcludedPaths(".nuke/temp\n~/.nuget/packages\n!.nuke/temp/digests/\n"));
    }

    [Fact]
    public void An_excluded_folder_is_left_out_of_the_saved_entry_and_the_rest_is_kept()
    {
        _folder.Write("work/.nuke/temp/build-bin/_build.dll", "compiled");
        _folder.Write("work/.nuke/temp/digests/linux-amd64.json", "{}");

        RehearsalCache.CopyAsRoot(_folder.Path / "work", ".nuke/temp", _folder.Path / "entry", [".nuke/temp/digests"]);

        Assert.Equal("compiled", File.ReadAllText(_folder.Path / "entry" / "build-bin" / "_build.dll"));
        Assert.False(Directory.Exists(_folder.Path / "entry" / "digests"));
        Assert.True(File.Exists(_folder.Path / "work" / ".nuke" / "temp" / "digests" / "linux-amd64.json"));
    }

    private static void Save(RehearsalCache cache, string key)
    {
        var folder = cache.FolderFor(key);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "key"), key);
    }

    private void Git(params string[] arguments) =>
        Assert.NotNull(Tool.Capture(new ToolRun("git", ["-C", _folder.Path / "work", .. arguments])));
}
