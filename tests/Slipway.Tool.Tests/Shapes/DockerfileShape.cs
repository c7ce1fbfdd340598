using Slipway.Tool.Detection;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Shapes;

/// <summary>One row of issue 20's table: the Dockerfiles (and Compose file) a repository already has, what setup must
/// detect in it, the file a code edit touches, the manifest a dependency edit touches, and a command the app image
/// runs to show it works.</summary>
/// <param name="BuildContext">The build context setup must write (the Compose service's, else <c>.</c>).</param>
/// <param name="Platform">The platform the build targets when the Compose file says one, else null (the engine's own).</param>
internal sealed record DockerfileShape(
    string Name,
    Action<TempRepository> Write,
    LayoutKind Kind,
    string BuilderDockerfile,
    string AppDockerfile,
    string BuildContext,
    string CodeFile,
    string ManifestFile,
    string[] Probe,
    string? Platform = null)
{
    public override string ToString() => Name;

    /// <summary>What the probe prints: the service's main.py says hello.</summary>
    public const string Greeting = "hello from the service";

    /// <summary>main.py, stdlib only.</summary>
    public static void WriteMain(TempRepository repository, string path) =>
        repository.Write(path, $"print({System.Text.Json.JsonSerializer.Serialize(Greeting)})\n");

    /// <summary>A requirements file that installs offline (the machine reaches no package index).</summary>
    public static void WriteRequirements(TempRepository repository, string path) =>
        repository.Write(path, "# installed with --no-index: this machine reaches no package index\n");
}
