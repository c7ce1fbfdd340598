using Serilog;
using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>A run of the repository's Compose file through the real Compose CLI, with Slipway's service on Slipway's exact
/// app image: a generated override under .nuke/temp replaces its <c>build:</c> by that image (never pulled).</summary>
internal sealed class ComposeRun(ComposeCli cli, AbsolutePath root, AbsolutePath file, AbsolutePath temporaryDirectory, ILogger log)
{
    public string Name { get; } = ProjectName(root);

    /// <summary>The Compose file it runs.</summary>
    public AbsolutePath FilePath => file;

    /// <summary>The environment compose and docker run with (the build's, with its engine).</summary>
    public IReadOnlyDictionary<string, string> Environment => cli.Environment;

    /// <summary>A Compose project name of this repository's own (its folder's name and a hash of its path), so two
    /// checkouts of one service, or tests in temporary folders, never share containers or networks.</summary>
    public static string ProjectName(AbsolutePath root)
    {
        var folder = new string(Path.GetFileName(root.ToString()).ToLowerInvariant()
            .Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '-').ToArray()).Trim('-', '_');
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root.ToString())))[..8];
        return $"{(folder.Length > 0 ? folder : "slipway")}-{hash}";
    }

    private AbsolutePath OverrideFile => temporaryDirectory / "compose" / "slipway.override.yaml";

    private string[] Files(bool withOverride) =>
        ["-p", Name, "-f", file.ToString(), .. withOverride && OverrideFile.FileExists ? new[] { "-f", OverrideFile.ToString() } : []];

    public async Task<string> ChooseServiceAsync(string? given, CancellationToken cancellation) =>
        ComposeServices.Parse(await cli.CaptureAsync(root, [.. Files(false), "config", "--format", "json"], cancellation))
            .Choose(given, file.RelativeTo(root));

    /// <summary>Starts every service (Slipway's on <paramref name="image"/>, already built) and waits until they run;
    /// on failure removes what it started and says compose's own reason in one line.</summary>
    public async Task UpAsync(string service, string image, CancellationToken cancellation)
    {
        WriteOverride(service, image);
        log.Information("{Cli} {Version}: project {Project}, {Service} on {Image}", cli.Name, cli.Version, Name, service, image);
        var (exitCode, lastError) = await RunLoggedAsync(["up", "--detach", "--wait", "--remove-orphans"], cancellation);
        if (exitCode != 0)
        {
            await DownAsync(volumes: false, CancellationToken.None);
            throw new SlipwayException($"{cli.Name} up failed, nothing left running: {lastError}");
        }
    }

    /// <summary>Replaces <paramref name="service"/>'s container by one of <paramref name="image"/> (already built),
    /// leaving the other services as they run; returns when the new container has started. The old one is killed at
    /// once unless the service sets its own <c>stop_grace_period</c> (a Python server as PID 1 ignores SIGTERM, and
    /// Docker's default 10 s would be most of the cycle). A failure is one line; the project keeps running.</summary>
    public async Task RecreateAsync(string service, string image, bool hasGracePeriod, CancellationToken cancellation)
    {
        WriteOverride(service, image);
        var (exitCode, lastError) = await RunLoggedAsync(
            ["up", "--detach", "--no-deps", "--force-recreate", .. hasGracePeriod ? Array.Empty<string>() : ["--timeout", "0"], service],
            cancellation, quiet: true);
        if (exitCode != 0)
            throw new SlipwayException($"{cli.Name} up {service} failed: {lastError}");
    }

    /// <summary>Whether the Compose file gives <paramref name="service"/> a <c>stop_grace_period</c> of its own.</summary>
    public async Task<bool> HasGracePeriodAsync(string service, CancellationToken cancellation)
    {
        using var config = System.Text.Json.JsonDocument.Parse(await cli.CaptureAsync(root, [.. Files(false), "config", "--format", "json"], cancellation));
        return config.RootElement.TryGetProperty("services", out var services) && services.TryGetProperty(service, out var found)
               && found.TryGetProperty("stop_grace_period", out _);
    }

    private void WriteOverride(string service, string image)
    {
        Directory.CreateDirectory(OverrideFile.Parent);
        File.WriteAllText(OverrideFile, $"""
            # Written by Slipway's Up: {service} runs the app image Slipway built, not a build of its own.
            services:
              {service}:
                build: !reset null
                image: {image}
                pull_policy: never

            """);
    }

    /// <summary>Runs compose with the override; its lines go to the log (at debug level when <paramref name="quiet"/>).</summary>
    private async Task<(int ExitCode, string LastError)> RunLoggedAsync(string[] arguments, CancellationToken cancellation, bool quiet = false)
    {
        var lastError = "";
        void Write(string line)
        {
            if (quiet)
                log.Debug("{Line}", line);
            else
                log.Information("{Line}", line);
        }
        var exitCode = await cli.RunAsync(root, [.. Files(true), .. arguments], Write,
            line =>
            {
                if (line.Trim().Length > 0)
                    lastError = line.Trim();
                Write(line);
            },
            cancellation);
        return (exitCode, lastError);
    }

    /// <summary>The ID of <paramref name="service"/>'s running container (or the one that has stopped, with <paramref name="includeStopped"/>).</summary>
    public async Task<string> ContainerAsync(string service, CancellationToken cancellation, bool includeStopped = false)
    {
        var container = (await cli.CaptureAsync(root, [.. Files(true), "ps", "--quiet", .. includeStopped ? new[] { "--all" } : [], service], cancellation))
            .Trim().Split('\n')[0].Trim();
        return container.Length > 0 ? container : throw new SlipwayException($"{service} has no running container");
    }

    /// <summary>The ID of the image <paramref name="service"/>'s running container was created from.</summary>
    public async Task<string> RunningImageAsync(string service, CancellationToken cancellation)
    {
        var container = await ContainerAsync(service, cancellation);
        return Slipway.Processes.Tool.Capture(new Slipway.Processes.ToolRun("docker", ["inspect", "--format", "{{.Image}}", container])
                   { Environment = cli.Environment })
               ?? throw new SlipwayException($"docker inspect {container} failed");
    }

    public async Task DownAsync(bool volumes, CancellationToken cancellation)
    {
        await cli.RunAsync(root, [.. Files(true), "down", "--remove-orphans", .. volumes ? new[] { "--volumes" } : []],
            line => log.Information("{Line}", line), line => log.Information("{Line}", line), cancellation);
    }
}
