using Slipway.Processes;

namespace Slipway.Containers.Compose;

/// <summary>The Compose v2 CLI the machine has: the docker CLI's plugin (<c>docker compose</c>) first, then a
/// standalone <c>docker-compose</c> of version 2. Compose v1 is refused with one line. Both are looked up on the build's
/// PATH (its environment's), not this process's. A plugin found where the docker CLI looks for plugins is run directly,
/// as the standalone command it also is: the same Compose, without a docker CLI process in front of every call (about
/// 0.1 s each, which a watch cycle feels).</summary>
internal sealed class ComposeCli
{
    private readonly string _program;
    private readonly string[] _prefix;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ComposeCli(string program, string[] prefix, string version, IReadOnlyDictionary<string, string> environment, string? name = null)
    {
        _program = program;
        _prefix = prefix;
        _environment = environment;
        Version = version;
        Name = name ?? string.Join(' ', [Path.GetFileName(program), .. prefix]);
    }

    public string Version { get; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>How messages name it: <c>docker compose</c> or <c>docker-compose</c>.</summary>
    public string Name { get; }

    public static ComposeCli Find(IReadOnlyDictionary<string, string> environment)
    {
        string? VersionOf(string? program, params string[] prefix) => program is null
            ? null
            : Tool.Capture(new ToolRun(program, [.. prefix, "version", "--short"]) { Environment = environment })?.TrimStart('v');

        var docker = Tool.FindOnPath("docker", environment);
        if (VersionOf(docker, "compose") is { } plugin && plugin.StartsWith("2.", StringComparison.Ordinal))
            return PluginPath(environment) is { } path && VersionOf(path) == plugin
                ? new ComposeCli(path, [], plugin, environment, "docker compose")
                : new ComposeCli(docker!, ["compose"], plugin, environment, "docker compose");
        var dockerCompose = Tool.FindOnPath("docker-compose", environment);
        var standalone = VersionOf(dockerCompose);
        if (standalone is not null && standalone.StartsWith("2.", StringComparison.Ordinal))
            return new ComposeCli(dockerCompose!, [], standalone, environment);
        if (standalone is not null)
            throw new SlipwayException($"docker-compose {standalone} is Compose v1, which Slipway does not support: install Compose v2 " +
                                       "(the docker compose plugin; on Debian bookworm provision/compose.sh takes it from Debian trixie)");
        throw new SlipwayException("no Compose v2 found (neither `docker compose` nor a docker-compose v2 on PATH): install the docker compose plugin");
    }

    /// <summary>The compose plugin the docker CLI runs, in the folders it searches in its order: the user's
    /// ($DOCKER_CONFIG or ~/.docker)/cli-plugins, then the system's.</summary>
    private static string? PluginPath(IReadOnlyDictionary<string, string> environment)
    {
        var config = environment.GetValueOrDefault("DOCKER_CONFIG") is { Length: > 0 } set ? set
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".docker") : null;
        string[] folders = [.. config is null ? [] : new[] { Path.Combine(config, "cli-plugins") },
            "/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins"];
        return folders.Select(folder => Path.Combine(folder, "docker-compose")).FirstOrDefault(File.Exists);
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
