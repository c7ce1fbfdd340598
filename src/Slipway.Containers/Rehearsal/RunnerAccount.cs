using Serilog;
using Slipway.Containers.Provisioning;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>The non-root user the rehearsal's jobs run as, shaped like a GitHub-hosted runner's <c>runner</c>: its own
/// home, in the docker group, passwordless sudo (made by provision/runner-user.sh). Commands run as it through
/// <c>sudo -n -u NAME -H env -i</c>, so they see the job's environment and nothing of the rehearsal's.</summary>
internal sealed class RunnerAccount(string name)
{
    public string Name => name;

    public string Home => Tool.Capture(new ToolRun("getent", ["passwd", name]))?.Split(':') is { Length: > 5 } entry
        ? entry[5]
        : throw new SlipwayException($"user {name} has no home");

    public static async Task<RunnerAccount> EnsureAsync(string name, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        await new ProvisioningScript("runner-user.sh").RunAsync(temporaryDirectory, [name], log, cancellation);
        return new RunnerAccount(name);
    }

    /// <summary>Runs <paramref name="command"/> as the user, each output line to <paramref name="onLine"/>; returns the exit code.</summary>
    public Task<int> RunAsync(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Action<string> onLine, CancellationToken cancellation)
    {
        var arguments = new List<string> { "-n", "-u", name, "-H", "env", "-i", "--chdir=" + workingDirectory };
        arguments.AddRange(environment.Select(pair => $"{pair.Key}={pair.Value}"));
        arguments.AddRange(command);
        return Tool.RunAsync(new ToolRun("sudo", arguments), onLine, onLine, cancellation);
    }

    public async Task RunCheckedAsync(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        ILogger log, CancellationToken cancellation)
    {
        var last = "no output";
        var exitCode = await RunAsync(command, workingDirectory, environment, line => { last = line; log.Information("{Line}", line); }, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{string.Join(' ', command)} as {name} exited with code {exitCode}: {last}");
    }
}
