using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slipway.Tool.Tests.Adoption;

/// <summary>Debian's registry (<c>/usr/bin/docker-registry</c>) on a free 127.0.0.1 port, no auth, storage in a temp
/// folder; stopped and removed on dispose.</summary>
internal sealed class LocalRegistry : IDisposable
{
    private readonly Process _process;
    private readonly string _root;

    public LocalRegistry()
    {
        _root = Directory.CreateTempSubdirectory("slipway-adoption-registry-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var config = Path.Combine(_root, "config.yml");
        File.WriteAllText(config,
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {_root}/data\nhttp:\n  addr: 127.0.0.1:{Port}\n");
        _process = Process.Start(new ProcessStartInfo("/usr/bin/docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        using var http = new HttpClient();
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (http.GetAsync($"http://{Address}/v2/").Result.IsSuccessStatusCode)
                    return;
            }
            catch (AggregateException)
            {
            }
            Thread.Sleep(200);
        }
        throw new InvalidOperationException("the local registry did not start");
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
