using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Packages;

/// <summary>The three packages packed by <c>./build.sh Pack</c> in a temp clone of this repository's HEAD (its
/// .nuke/temp/packages is the folder feed), once for every
/// test that needs them. On the way it checks how git tags version them: the clone is tagged v1.2.3 (version 1.2.3),
/// gets one more commit (1.2.4-alpha.0.1), and is then tagged with a version unique to this run, so that the global
/// NuGet cache never holds an older package under the same version; those cache entries are removed afterwards.</summary>
public sealed class PackageFeed : IDisposable
{
    public const string RemoteUrl = "https://github.com/slipway-build/slipway.git";

    private readonly string _temp;

    public PackageFeed()
    {
        _temp = Directory.CreateTempSubdirectory("slipway-feed-").FullName;
        Clone = Path.Combine(_temp, "slipway");
        Run.Git(_temp, "clone", "-q", "--no-hardlinks", SourceRepository.Root, Clone);
        Run.Git(Clone, "remote", "set-url", "origin", RemoteUrl);
        Run.Git(Clone, "config", "user.email", "tests@slipway.invalid");
        Run.Git(Clone, "config", "user.name", "Slipway tests");

        Run.Git(Clone, "tag", "v1.2.3");
        VersionAtReleaseTag = VersionAtHead();
        Run.Git(Clone, "commit", "-q", "--allow-empty", "-m", "after the release");
        VersionAfterReleaseTag = VersionAtHead();

        Version = $"1.2.4-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";
        Run.Git(Clone, "tag", "v" + Version);
        Commit = Run.Git(Clone, "rev-parse", "HEAD").Output.Trim();
        CommitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Run.Git(Clone, "log", "-1", "--format=%ct").Output.Trim()));
        var pack = Run.Program(Clone, "bash", ["./build.sh", "Pack", "--no-logo"]);
        PackDuration = pack.Duration;
        pack.Succeeded("./build.sh Pack");
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

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

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
        TryDelete(_temp);
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
}
