using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// Debian's distribution registry (<c>/usr/bin/docker-registry</c>) on a free 127.0.0.1 port with a temporary storage
/// folder, optionally behind htpasswd (bcrypt) auth; stopped and removed on dispose.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    public const string Binary = "/usr/bin/docker-registry";
    public const string Username = "slipway";
    public const string Password = "correct-horse-battery";

    private readonly Process process;
    private readonly string root;
    private readonly StringBuilder log = new();

    private LocalRegistry(Process process, string root, int port)
    {
        this.process = process;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static RegistryCredentials Credentials => new(Username, Password);

    public string Log
    {
        get
        {
            lock (log)
                return log.ToString();
        }
    }

    public static async Task<LocalRegistry> StartAsync(bool htpasswd = true, bool deleteEnabled = true)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: apt-get install docker-registry");
        var root = Directory.CreateTempSubdirectory("slipway-registry-").FullName;
        var port = FreePort();
        var auth = "";
        if (htpasswd)
        {
            var entry = await ProcessRunner.RunCheckedAsync("htpasswd", ["-Bbn", Username, Password]);
            await File.WriteAllTextAsync(Path.Combine(root, "htpasswd"), entry.Text.Trim() + "\n");
            auth = $"auth:\n  htpasswd:\n    realm: slipway-test\n    path: {root}/htpasswd\n";
        }
        var config = Path.Combine(root, "config.yml");
        await File.WriteAllTextAsync(config,
            "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n"
            + $"storage:\n  filesystem:\n    rootdirectory: {root}/data\n  delete:\n    enabled: {(deleteEnabled ? "true" : "false")}\n"
            + $"http:\n  addr: 127.0.0.1:{port}\n  secret: slipway-test-secret\n" + auth);

        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        var registry = new LocalRegistry(process, root, port);
        process.ErrorDataReceived += (_, e) => registry.Append(e.Data);
        process.OutputDataReceived += (_, e) => registry.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await registry.WaitUntilServingAsync();
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
        Directory.Delete(root, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.AppendLine(line);
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}: {Log}");
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/");
                return; // 200 or 401: it serves the API
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"docker-registry did not serve {Address} within 20s: {Log}");
    }
}
