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
public class SecondEngine : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly string _name;
    private readonly string _bridge;
    private readonly string _bridgeAddress;

    public SecondEngine() : this("second", "slipway2", "10.213.0.1/24")
    {
    }

    /// <summary>Another daemon of this kind: <c>/run/slipway-NAME</c>, <c>/var/lib/slipway-NAME</c>, its own bridge.</summary>
    protected SecondEngine(string name, string bridge, string bridgeAddress)
    {
        _name = name;
        _bridge = bridge;
        _bridgeAddress = bridgeAddress;
        Endpoint = EngineEndpoint.Parse("unix://" + Socket);
    }

    public string RunDirectory => $"/run/slipway-{_name}";
    public string DataRoot => $"/var/lib/slipway-{_name}";
    public string LogFile => $"/var/log/slipway-{_name}-dockerd.log";

    protected string Socket => RunDirectory + "/docker.sock";

    private string PidFile => RunDirectory + "/docker.pid";

    /// <summary>The daemon's own socket, which the fixture itself talks to.</summary>
    public EngineEndpoint Endpoint { get; }

    /// <summary>More dockerd options (more --host listeners, TLS).</summary>
    protected virtual IEnumerable<string> ExtraOptions => [];

    /// <summary>Whether a daemon left by an earlier run may be kept (not when its options change from run to run).</summary>
    protected virtual bool MayReuse => true;

    public ContainerEngine Engine { get; private set; } = null!;

    /// <summary>True when a healthy daemon from an earlier run answered and was kept instead of starting one.</summary>
    public bool Reused { get; private set; }

    public virtual async Task InitializeAsync()
    {
        Engine = new ContainerEngine(Endpoint);
        if (MayReuse && RunningPid() is not null && await AnswersAsync())
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

    public virtual async Task DisposeAsync()
    {
        Engine.Dispose();
        await StopAsync();
        if (RunningPid() is null && Directory.Exists($"/sys/class/net/{_bridge}"))
            RunAsRoot("ip", ["link", "del", _bridge], check: false);
    }

    /// <summary>dockerd detached in a session of its own (it outlives a test host that dies), output appended to the log.</summary>
    private int Launch()
    {
        string[] daemon =
        [
            "dockerd", "--host", "unix://" + Socket, "--data-root", DataRoot, "--exec-root", RunDirectory + "/exec",
            "--pidfile", PidFile, "--config-file", RunDirectory + "/daemon.json",
            "--bridge", _bridge, "--iptables=false", "--ip-masq=false", .. ExtraOptions,
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
    private async Task StopAsync()
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
    private int? RunningPid() =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) && IsDockerd(pid) ? pid : null;

    private bool IsDockerd(int pid) => IsAlive(pid, "dockerd");

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
    private void EnsureBridge()
    {
        if (!Directory.Exists($"/sys/class/net/{_bridge}"))
            RunAsRoot("ip", ["link", "add", _bridge, "type", "bridge"]);
        if (!Run("ip", ["-o", "-4", "addr", "show", "dev", _bridge]).Contains(_bridgeAddress))
            RunAsRoot("ip", ["addr", "add", _bridgeAddress, "dev", _bridge]);
        RunAsRoot("ip", ["link", "set", _bridge, "up"]);
    }

    private string LogTail(long from)
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
