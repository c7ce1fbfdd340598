using System.Net;
using System.Net.Sockets;
using Slipway.Containers.Tests.Components;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.EngineReach;

/// <summary>A dockerd of its own (<see cref="SecondEngine"/>'s kind) that also listens on <c>tcp://127.0.0.1:PORT</c>
/// with <c>--tlsverify</c>: certificates made by openssl for this run, so it is started afresh each run (its data root,
/// with the stand-in base images, stays).</summary>
public sealed class TlsEngine() : SecondEngine("tls", "slipwaytls", "10.217.0.1/24")
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-tls-").FullName;

    public int Port { get; } = FreeLoopbackPort();

    public TestCertificates Certificates { get; private set; } = null!;

    public string Address => $"tcp://127.0.0.1:{Port}";

    /// <summary>What points Slipway (and the Docker CLI) at this engine with the client folder <paramref name="certificates"/>.</summary>
    public Dictionary<string, string> EnvironmentWith(string certificates) => new()
    {
        ["DOCKER_HOST"] = Address, ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = certificates,
    };

    protected override bool MayReuse => false;

    protected override IEnumerable<string> ExtraOptions =>
    [
        "--host", Address, "--tlsverify",
        "--tlscacert", Path.Combine(Certificates.ServerFolder, "ca.pem"),
        "--tlscert", Path.Combine(Certificates.ServerFolder, "cert.pem"),
        "--tlskey", Path.Combine(Certificates.ServerFolder, "key.pem"),
    ];

    public override async Task InitializeAsync()
    {
        Certificates = TestCertificates.Create(_folder);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
