using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>The stand-in for ghcr.io: Debian's distribution registry (<c>docker-registry</c>, from tests/install-tools.sh)
/// on a free 127.0.0.1 port behind htpasswd (bcrypt) auth, its storage in a folder of the rehearsal. The engine pulls
/// from it without TLS because 127.0.0.0/8 is an insecure registry by default.</summary>
internal sealed class RehearsalRegistry : IAsyncDisposable
{
    public const string Binary = "/usr/bin/docker-registry";

    private readonly Process process;

    private RehearsalRegistry(Process process, int port, string username, string password)
    {
        this.process = process;
        Address = $"127.0.0.1:{port}";
        Username = username;
        Password = password;
    }

    public string Address { get; }

    public string Username { get; }

    /// <summary>What <c>secrets.GITHUB_TOKEN</c> becomes in the rehearsal.</summary>
    public string Password { get; }

    public static async Task<RehearsalRegistry> StartAsync(string directory, string username, CancellationToken cancellation)
    {
        if (!File.Exists(Binary) || Tool.Capture(new ToolRun("sh", ["-c", "command -v htpasswd"])) is null)
            throw new SlipwayException($"the rehearsal's registry needs {Binary} and htpasswd: run tests/install-tools.sh (apt-get install docker-registry apache2-utils)");
        Directory.CreateDirectory(directory);
        var password = "rehearsal-" + Guid.NewGuid().ToString("N")[..16];
        var entry = Tool.Capture(new ToolRun("htpasswd", ["-Bbn", username, password]))
                    ?? throw new SlipwayException("htpasswd -Bbn failed");
        await File.WriteAllTextAsync(Path.Combine(directory, "htpasswd"), entry + "\n", cancellation);
        var port = FreePort();
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config,
            "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n" +
            $"storage:\n  filesystem:\n    rootdirectory: {directory}/data\n  delete:\n    enabled: true\n" +
            $"http:\n  addr: 127.0.0.1:{port}\n  secret: rehearsal-{Guid.NewGuid():N}\n" +
            $"auth:\n  htpasswd:\n    realm: slipway-rehearsal\n    path: {directory}/htpasswd\n", cancellation);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new SlipwayException($"{Binary} could not be started");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var registry = new RehearsalRegistry(process, port, username, password);
        await registry.WaitUntilServingAsync(cancellation);
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new SlipwayException($"docker-registry exited with code {process.ExitCode}");
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/", cancellation);
                return; // 401: it serves the API
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellation);
            }
        }
        throw new SlipwayException($"docker-registry did not serve {Address} within 20 s");
    }
}
