using System.Diagnostics;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Components;

/// <summary>
/// A second <c>dockerd</c> beside the first, as the engine of its own for one platform: its own socket, data root, exec
/// root, pidfile, config file and bridge (no iptables rules, no masquerading; the bridge's address is never sent to,
/// containers run with --network none). Started idempotently (a healthy one left by an earlier run is reused), stopped
/// by its pidfile on dispose (and its bridge removed). The data root stays, so its base images and build cache survive from run to run.
/// What needs root (the bridge, the folders, the daemon, stopping it) runs through <c>sudo -n</c> when the tests run as
/// a user with passwordless sudo, as on a hosted runner.
/// </summary>
public sealed class SecondEngine : IAsyncLifetime
{
    public const string RunDirectory = "/run/slipway-second";
    public const string DataRoot = "/var/lib/slipway-second";
    public const string LogFile = "/var/log/slipway-second-dockerd.log";
    public const string Bridge = "slipway2";
    private const string BridgeAddress = "10.213.0.1/24";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private static string Socket => RunDirectory + "/docker.sock";

    private static string PidFile => RunDirectory + "/docker.pid";

    public EngineEndpoint Endpoint { get; } = EngineEndpoint.Parse("unix://" + Socket);

    public ContainerEngine Engine { get; private set; } = null!;

    /// <summary>True when a healthy daemon from an earlier run answered and was kept instead of starting one.</summary>
    public bool Reused { get; private set; }

    public async Task InitializeAsync()
    {
        Engine = new ContainerEngine(Endpoint);
        if (RunningPid() is not null && await AnswersAsync())
        {
            Reused = true;
            return;
        }
        await StopAsync(); // left over from a run that died, and not answering
        EnsureBridge();
        // its own config file, not /etc/docker/daemon.json: that one is the first's
        RunAsRoot("/bin/sh", ["-c", "mkdir -p \"$0\" \"$1\" && echo '{}' >\"$0/daemon.json\"", RunDirectory, DataRoot]);
        var logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        var pid = Launch();
        await WaitUntilAnsweringAsync(pid, logStart);
    }

    public async Task DisposeAsync()
    {
        Engine.Dispose();
        await StopAsync();
        if (RunningPid() is null && Directory.Exists($"/sys/class/net/{Bridge}"))
            RunAsRoot("ip", ["link", "del", Bridge], check: false);
    }

    /// <summary>dockerd detached in a session of its own (it outlives a test host that dies), output appended to the log.</summary>
    private static int Launch()
    {
        string[] daemon =
        [
            "dockerd", "--host", "unix://" + Socket, "--data-root", DataRoot, "--exec-root", RunDirectory + "/exec",
            "--pidfile", PidFile, "--config-file", RunDirectory + "/daemon.json",
            "--bridge", Bridge, "--iptables=false", "--ip-masq=false",
        ];
        // Started in the background by a non-interactive shell, setsid is no group leader: it execs dockerd in place, so $! is dockerd.
        var result = RunAsRoot("/bin/sh", ["-c", "setsid \"$@\" >>\"$0\" 2>&1 </dev/null & echo $!", LogFile, .. daemon]);
        return int.Parse(result.Trim());
    }

    private async Task WaitUntilAnsweringAsync(int pid, long logStart)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (!IsAlive(pid, "dockerd", "setsid")) // setsid for the moment before it execs dockerd
                throw new InvalidOperationException($"the second dockerd (pid {pid}) exited while starting; {LogTail(logStart)}");
            if (await AnswersAsync())
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException(
            $"the second dockerd (pid {pid}) did not answer at {Endpoint} within {StartTimeout.TotalSeconds:0} s; {LogTail(logStart)}");
    }

    private async Task<bool> AnswersAsync()
    {
        if (!File.Exists(Socket))
            return false;
        try
        {
            await Engine.PingAsync();
            return true;
        }
        catch (SlipwayException)
        {
            return false;
        }
    }

    /// <summary>Stops the daemon the pidfile names (SIGTERM, then SIGKILL after <see cref="StopTimeout"/>); the data root stays.</summary>
    private static async Task StopAsync()
    {
        if (RunningPid() is not { } pid)
            return;
        RunAsRoot("kill", ["-TERM", pid.ToString()], check: false); // it may be gone already
        var clock = Stopwatch.StartNew();
        while (IsDockerd(pid) && clock.Elapsed < StopTimeout)
            await Task.Delay(200);
        if (IsDockerd(pid))
            RunAsRoot("kill", ["-KILL", pid.ToString()], check: false);
    }

    /// <summary>The pid in the pidfile when that process is a live dockerd, else null.</summary>
    private static int? RunningPid() =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) && IsDockerd(pid) ? pid : null;

    private static bool IsDockerd(int pid) => IsAlive(pid, "dockerd");

    private static bool IsAlive(int pid, params string[] names)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat"); // "pid (comm) state ..."
            var close = stat.LastIndexOf(')');
            return names.Contains(stat[(stat.IndexOf('(') + 1)..close]) && stat[close + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The bridge the second daemon's default network uses; never --bridge none (that takes the first's docker0 down).</summary>
    private static void EnsureBridge()
    {
        if (!Directory.Exists($"/sys/class/net/{Bridge}"))
            RunAsRoot("ip", ["link", "add", Bridge, "type", "bridge"]);
        if (!Run("ip", ["-o", "-4", "addr", "show", "dev", Bridge]).Contains(BridgeAddress))
            RunAsRoot("ip", ["addr", "add", BridgeAddress, "dev", Bridge]);
        RunAsRoot("ip", ["link", "set", Bridge, "up"]);
    }

    private static string LogTail(long from)
    {
        if (!File.Exists(LogFile))
            return $"{LogFile} does not exist";
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Position = Math.Min(from, stream.Length);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return $"last lines of {LogFile}:\n" + string.Join('\n', lines.TakeLast(20));
    }

    /// <summary>As root: directly when the tests run as root, else through passwordless sudo.</summary>
    private static string RunAsRoot(string file, string[] arguments, bool check = true) =>
        Environment.IsPrivilegedProcess ? Run(file, arguments, check) : Run("sudo", ["-n", file, .. arguments], check);

    private static string Run(string file, string[] arguments, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Trim()}");
        return output.Result;
    }
}
