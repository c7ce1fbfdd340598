using System.Diagnostics;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.EngineReach;

/// <summary>
/// An sshd of the test's own on two loopback ports, as the current user, with a host key and a client key made for
/// this run. On <see cref="Port"/> a login runs its command as usual (so <c>docker system dial-stdio</c> reaches this
/// machine's engine); on <see cref="PortWithoutDocker"/> the command runs with a PATH that has no docker. The ssh
/// client is the distribution's, given this run's keys and known_hosts by a wrapper on <see cref="BinFolder"/>
/// (<c>ssh -F config</c>): the user's own ~/.ssh is left alone.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SshServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-sshd-").FullName;
    private Process? _sshd;

    public int Port { get; } = TlsEngine.FreeLoopbackPort();

    public int PortWithoutDocker { get; } = TlsEngine.FreeLoopbackPort();

    public string User { get; } = Environment.UserName;

    public string BinFolder => Path.Combine(_folder, "bin");

    /// <summary>The run's environment additions: the ssh wrapper first on PATH.</summary>
    public Dictionary<string, string> RunEnvironment() => new()
    {
        ["PATH"] = BinFolder + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"),
    };

    private string File(string name) => Path.Combine(_folder, name);

    public async Task InitializeAsync()
    {
        await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", File("host_key")]);
        await ProcessRunner.RunCheckedAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", File("client_key")]);
        System.IO.File.Copy(File("client_key.pub"), File("authorized_keys"));
        var hostKey = System.IO.File.ReadAllText(File("host_key.pub")).Trim();
        System.IO.File.WriteAllText(File("known_hosts"), $"[127.0.0.1]:{Port} {hostKey}\n[127.0.0.1]:{PortWithoutDocker} {hostKey}\n");
        System.IO.File.WriteAllText(File("sshd_config"), $"""
            ListenAddress 127.0.0.1:{Port}
            ListenAddress 127.0.0.1:{PortWithoutDocker}
            HostKey {File("host_key")}
            PidFile {File("sshd.pid")}
            AuthorizedKeysFile {File("authorized_keys")}
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            Match LocalPort {PortWithoutDocker}
                ForceCommand env PATH=/nonexistent /bin/sh -c "$SSH_ORIGINAL_COMMAND"

            """);
        System.IO.File.WriteAllText(File("ssh_config"), $"""
            Host *
                IdentityFile {File("client_key")}
                IdentitiesOnly yes
                UserKnownHostsFile {File("known_hosts")}
                StrictHostKeyChecking yes

            """);
        Directory.CreateDirectory(BinFolder);
        System.IO.File.WriteAllText(Path.Combine(BinFolder, "ssh"), $"#!/bin/sh\nexec /usr/bin/ssh -F {File("ssh_config")} \"$@\"\n");
        System.IO.File.SetUnixFileMode(Path.Combine(BinFolder, "ssh"), (UnixFileMode)0b111_101_101);
        if (Environment.IsPrivilegedProcess)
            Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation folder, when it runs as root
        var start = new ProcessStartInfo("/usr/sbin/sshd") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", File("sshd_config") })
            start.ArgumentList.Add(argument);
        _sshd = Process.Start(start)!;
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();
        await WaitUntilLoginWorksAsync();
    }

    private async Task WaitUntilLoginWorksAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var probe = await ProcessRunner.RunAsync(Path.Combine(BinFolder, "ssh"),
                ["-o", "BatchMode=yes", "-p", Port.ToString(), "-l", User, "127.0.0.1", "true"]);
            if (probe.ExitCode == 0)
                return;
            if (_sshd!.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"the test's sshd on 127.0.0.1:{Port} does not let its key in: {probe.Stderr}");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            await _sshd.WaitForExitAsync();
        }
        _sshd?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
