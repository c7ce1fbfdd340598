namespace Slipway.Tool.Tests.Support;

/// <summary>A temp repository that adopts Slipway the way a user does, but from the local folder feed: its NuGet.config
/// names the feed and the normal one (for Serilog and the other dependencies); the tool is installed from the feed
/// into a tool path of its own.</summary>
public sealed class AdopterRepository : IDisposable
{
    private readonly string _toolPath;

    public AdopterRepository(string feed, string version, string name = "bailing")
    {
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

    /// <summary><c>dotnet tool install Slipway.Tool --tool-path ... --add-source &lt;feed&gt;</c>.</summary>
    public Run.Result InstallTool() =>
        Run.Program(Root, "dotnet", ["tool", "install", "Slipway.Tool", "--version", Version, "--tool-path", _toolPath, "--add-source", Feed])
            .Succeeded("dotnet tool install");

    /// <summary><c>slipway setup</c> with no terminal.</summary>
    public Run.Result Setup(params string[] options) => Run.Program(Root, Slipway, ["setup", .. options]);

    /// <summary><c>./build.sh &lt;args&gt;</c>.</summary>
    public Run.Result Build(params string[] args) => Run.Program(Root, "bash", ["./build.sh", .. args]);

    public void Dispose() => Repository.Dispose();
}
