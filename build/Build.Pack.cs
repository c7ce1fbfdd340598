using Slipway;
using Slipway.Paths;
using Slipway.Processes;
using Slipway.Targets;

/// <summary>The packages: <c>./build.sh Pack</c> writes Slipway, Slipway.Containers and Slipway.Tool (the
/// <c>slipway</c> command) to .nuke/temp/packages, versioned from git tags by MinVer.</summary>
public sealed partial class Build
{
    /// <summary>The packed projects, in dependency order.</summary>
    public static readonly string[] PackedProjects =
    [
        "src/Slipway/Slipway.csproj",
        "src/Slipway.Containers/Slipway.Containers.csproj",
        "src/Slipway.Tool/Slipway.Tool.csproj",
    ];

    AbsolutePath PackagesDirectory => TemporaryDirectory / "packages";

    Target Pack => _ => _
        .Description("Packs Slipway, Slipway.Containers and the slipway tool into .nuke/temp/packages (version from git tags)")
        .Executes(async cancellation =>
        {
            Directory.CreateDirectory(PackagesDirectory);
            foreach (var old in Directory.EnumerateFiles(PackagesDirectory, "*.nupkg"))
                File.Delete(old);
            foreach (var project in PackedProjects)
                await DotNet.RunAsync(this, cancellation, ["pack", RootDirectory / project, .. PackArguments(PackagesDirectory)]);
            foreach (var package in Directory.EnumerateFiles(PackagesDirectory, "*.nupkg").Order())
                Log.Information("{Package} ({Size:0} KB)", Path.GetFileName(package), new FileInfo(package).Length / 1024.0);
        });

    /// <summary>Release, deterministic: source paths mapped to /_/, every file in the package dated at the commit.</summary>
    string[] PackArguments(string output)
    {
        var commitTime = Tool.Capture(new ToolRun("git", ["log", "-1", "--format=%ct"]) { WorkingDirectory = RootDirectory });
        return
        [
            "-c", "Release", "-o", output, "-nologo", "-p:ContinuousIntegrationBuild=true",
            .. commitTime is null ? Array.Empty<string>() : [$"-p:DeterministicTimestamp={commitTime}"],
        ];
    }
}
