using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Packages;

/// <summary>The three packages packed by <c>./build.sh Pack</c> in a clone of this repository's HEAD (its
/// .nuke/temp/packages is the folder feed), once for every test that needs them. On the way it checks how git tags
/// version them: the clone is tagged v1.2.3 (version 1.2.3), gets one more commit (1.2.4-alpha.0.1), and is then
/// tagged with a version of its own, <c>1.2.4-e2e.k&lt;key&gt;</c>. The key is a hash of HEAD, the SDK, this
/// checkout's path and <see cref="Recipe"/>; the clone is kept in this checkout's .nuke/temp/test-feed/&lt;key&gt;, so a
/// later run at the same HEAD uses it as it is (the same commit packs the same bytes), and a run at another HEAD packs
/// anew in its place. One version per key keeps the global NuGet cache from holding another package under the same
/// version; those cache entries are removed after every run.</summary>
public sealed class PackageFeed : IDisposable
{
    public const string RemoteUrl = "https://github.com/slipway-build/slipway.git";

    /// <summary>Part of the key: changed when what the steps below leave in the kept clone changes.</summary>
    private const string Recipe = "1";

    public PackageFeed()
    {
        var key = Key();
        var kept = Path.Combine(SourceRepository.Root, ".nuke", "temp", "test-feed");
        Clone = Path.Combine(kept, key);
        Version = $"1.2.4-e2e.k{key}";
        var record = Path.Combine(Clone, ".nuke", "temp", "test-feed.json");
        Reused = File.Exists(record);
        if (!Reused)
            Pack(kept, record);
        (VersionAtReleaseTag, VersionAfterReleaseTag, PackDuration) = JsonSerializer.Deserialize<PackRecord>(File.ReadAllText(record))!;
        Commit = Run.Git(Clone, "rev-parse", "HEAD").Output.Trim();
        CommitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Run.Git(Clone, "log", "-1", "--format=%ct").Output.Trim()));
        Feed = Path.Combine(Clone, ".nuke", "temp", "packages");
    }

    /// <summary>The clone the packages were packed from (origin set to <see cref="RemoteUrl"/>).</summary>
    public string Clone { get; }

    /// <summary>The folder feed holding the .nupkg files.</summary>
    public string Feed { get; }

    public string Version { get; }

    public string Commit { get; }

    public DateTimeOffset CommitTime { get; }

    public string VersionAtReleaseTag { get; }

    public string VersionAfterReleaseTag { get; }

    public TimeSpan PackDuration { get; }

    /// <summary>Whether the clone was kept from an earlier run at the same HEAD (not packed by this run).</summary>
    public bool Reused { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>Clones HEAD into <see cref="Clone"/> (in place of any clone kept before), tags and packs it, and writes
    /// what it found to <paramref name="record"/> last: a clone without one (a run stopped half-way) is packed again.</summary>
    private void Pack(string kept, string record)
    {
        if (Directory.Exists(kept))
            foreach (var earlier in Directory.EnumerateDirectories(kept))
                Directory.Delete(earlier, recursive: true);
        Directory.CreateDirectory(kept);
        Run.Git(kept, "clone", "-q", "--no-hardlinks", SourceRepository.Root, Clone);
        Run.Git(Clone, "remote", "set-url", "origin", RemoteUrl);
        Run.Git(Clone, "config", "user.email", "tests@slipway.invalid");
        Run.Git(Clone, "config", "user.name", "Slipway tests");

        Run.Git(Clone, "tag", "v1.2.3");
        var atReleaseTag = VersionAtHead();
        Run.Git(Clone, "commit", "-q", "--allow-empty", "-m", "after the release");
        var afterReleaseTag = VersionAtHead();

        Run.Git(Clone, "tag", "v" + Version);
        SeedCompiledBuild();
        var pack = Run.Program(Clone, "bash", ["./build.sh", "Pack", "--no-logo"]).Succeeded("./build.sh Pack");
        File.WriteAllText(record, JsonSerializer.Serialize(new PackRecord(atReleaseTag, afterReleaseTag, pack.Duration)));
    }

    /// <summary>A hash of this checkout's HEAD, the SDK that packs, the checkout's path (two checkouts never share a
    /// version in the NuGet cache) and <see cref="Recipe"/>.</summary>
    private static string Key()
    {
        var head = Run.Git(SourceRepository.Root, "rev-parse", "HEAD").Output.Trim();
        var sdk = Run.Program(SourceRepository.Root, "dotnet", ["--version"]).Succeeded("dotnet --version").Output.Trim();
        var text = string.Join("\n", head, sdk, SourceRepository.Root, Recipe);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    /// <summary>This checkout's compiled build (the one running <c>./build.sh Test</c>), copied into the clone: where
    /// the checkout's build sources are those of its HEAD, build.sh in the clone finds it current and packs without
    /// compiling the build project (and Slipway with it) again; else it compiles.</summary>
    private void SeedCompiledBuild()
    {
        var checkout = Path.Combine(SourceRepository.Root, ".nuke", "temp");
        if (CompiledBuild.IsIn(checkout))
            CompiledBuild.Copy(checkout, Path.Combine(Clone, ".nuke", "temp"));
    }

    /// <summary>What MinVer makes of the clone's HEAD, without building anything.</summary>
    private string VersionAtHead() =>
        Run.Program(Clone, "dotnet", ["msbuild", "src/Slipway.Tool/Slipway.Tool.csproj", "-restore", "-t:MinVer", "-getProperty:MinVerVersion", "-nologo"])
            .Succeeded("MinVer").Output.Trim();

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "slipway", "slipway.containers", "slipway.tool" })
            TryDelete(Path.Combine(cache, id, Version.ToLowerInvariant()));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record PackRecord(string VersionAtReleaseTag, string VersionAfterReleaseTag, TimeSpan PackDuration);
}
