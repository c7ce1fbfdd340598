namespace Slipway.Tool.Tests.Support;

/// <summary>A temp repository that adopts Slipway the way a user does, but from the local folder feed: its NuGet.config
/// names the feed and the normal one (for Serilog and the other dependencies); the tool is installed from the feed
/// into a tool path of its own. Given <see cref="CompiledBuilds"/>, its first <c>./build.sh</c> starts from the
/// compiled build of an earlier repository with the same build sources, and its own compiled build is kept for later
/// ones; without, build.sh compiles the build project as in a user's fresh repository.</summary>
public sealed class AdopterRepository : IDisposable
{
    private readonly string _toolPath;
    private readonly CompiledBuilds? _compiledBuilds;

    public AdopterRepository(string feed, string version, string name = "bailing", CompiledBuilds? compiledBuilds = null)
    {
        _compiledBuilds = compiledBuilds;
        Repository = new TempRepository(name, remote: $"https://github.com/acme/{name}.git");
        Feed = feed;
        Version = version;
        _toolPath = Path.Combine(Path.GetDirectoryName(Repository.Root)!, "tools");
        Repository.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="slipway-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>

            """);
    }

    public TempRepository Repository { get; }

    public string Root => Repository.Root;

    public string Feed { get; }

    public string Version { get; }

    public string Slipway => Path.Combine(_toolPath, "slipway");

    /// <summary>Whether the first build found an earlier repository's compiled build seeded (see <see cref="CompiledBuilds"/>).</summary>
    public bool StartedFromKeptBuild { get; private set; }

    /// <summary><c>dotnet tool install Slipway.Tool --tool-path ... --add-source &lt;feed&gt;</c>.</summary>
    public Run.Result InstallTool() =>
        Run.Program(Root, "dotnet", ["tool", "install", "Slipway.Tool", "--version", Version, "--tool-path", _toolPath, "--add-source", Feed])
            .Succeeded("dotnet tool install");

    /// <summary><c>slipway setup</c> with no terminal.</summary>
    public Run.Result Setup(params string[] options) => Run.Program(Root, Slipway, ["setup", .. options]);

    /// <summary><c>./build.sh &lt;args&gt;</c>.</summary>
    public Run.Result Build(params string[] args)
    {
        if (_compiledBuilds?.Seed(Root) == true)
            StartedFromKeptBuild = true;
        var result = Run.Program(Root, "bash", ["./build.sh", .. args]);
        if (result.ExitCode == 0)
            _compiledBuilds?.Keep(Root);
        return result;
    }

    public void Dispose() => Repository.Dispose();
}
