using Slipway.Processes;

namespace Slipway.Containers.Compose;

/// <summary>The Compose v2 CLI the machine has: the docker CLI's plugin (<c>docker compose</c>) first, then a
/// standalone <c>docker-compose</c> of version 2. Compose v1 is refused with one line. Both are looked up on the build's
/// PATH (its environment's), not this process's.</summary>
internal sealed class ComposeCli
{
    private readonly string _program;
    private readonly string _programName;
    private readonly string[] _prefix;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ComposeCli(string program, string[] prefix, string version, IReadOnlyDictionary<string, string> environment)
    {
        _program = program;
        _programName = Path.GetFileName(program);
        _prefix = prefix;
        _environment = environment;
        Version = version;
    }

    public string Version { get; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public string Name => string.Join(' ', [_programName, .. _prefix]);

    public static ComposeCli Find(IReadOnlyDictionary<string, string> environment)
    {
        string? VersionOf(string? program, params string[] prefix) => program is null
            ? null
            : Tool.Capture(new ToolRun(program, [.. prefix, "version", "--short"]) { Environment = environment })?.TrimStart('v');

        var docker = Tool.FindOnPath("docker", environment);
        if (VersionOf(docker, "compose") is { } plugin && plugin.StartsWith("2.", StringComparison.Ordinal))
            return new ComposeCli(docker!, ["compose"], plugin, environment);
        var dockerCompose = Tool.FindOnPath("docker-compose", environment);
        var standalone = VersionOf(dockerCompose);
        if (standalone is not null && standalone.StartsWith("2.", StringComparison.Ordinal))
            return new ComposeCli(dockerCompose!, [], standalone, environment);
        if (standalone is not null)
            throw new SlipwayException($"docker-compose {standalone} is Compose v1, which Slipway does not support: install Compose v2 " +
                                       "(the docker compose plugin; on Debian bookworm provision/compose.sh takes it from Debian trixie)");
        throw new SlipwayException("no Compose v2 found (neither `docker compose` nor a docker-compose v2 on PATH): install the docker compose plugin");
    }

    /// <summary>Runs a compose command in <paramref name="directory"/>; stdout and stderr lines go to the callbacks.</summary>
    public Task<int> RunAsync(string directory, IEnumerable<string> arguments, Action<string> onOutput, Action<string> onError,
        CancellationToken cancellation) =>
        Tool.RunAsync(new ToolRun(_program, [.. _prefix, .. arguments]) { Environment = _environment, WorkingDirectory = directory },
            onOutput, onError, cancellation);

    /// <summary>Runs a compose command and returns its stdout; a failure is one line with compose's own last error line.</summary>
    public async Task<string> CaptureAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var output = new System.Text.StringBuilder();
        var lastError = "";
        var exitCode = await RunAsync(directory, arguments, line => output.AppendLine(line),
            line => { if (line.Trim().Length > 0) lastError = line.Trim(); }, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{Name} {string.Join(' ', arguments.Take(5))} failed: {lastError}");
        return output.ToString();
    }
}
