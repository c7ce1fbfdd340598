using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Discovery;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine.Discovery;

/// <summary>The engine found as the Docker CLI finds it, with contexts made by the Docker CLI itself in a
/// configuration folder of the test's own (DOCKER_CONFIG).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EngineDiscoveryTests : IDisposable
{
    private readonly TempFolder _config = new();

    private Dictionary<string, string> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = _config.Path, ["HOME"] = _config.Path / "home" };
        foreach (var (name, value) in variables)
            environment[name] = value;
        return environment;
    }

    private async Task CreateContextAsync(string name, string docker)
    {
        var result = await ProcessRunner.RunAsync("env", ["-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", $"DOCKER_CONFIG={_config.Path}",
            "docker", "context", "create", name, "--docker", docker]);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public void Without_anything_set_the_default_socket_wins_and_is_named() =>
        Assert.Equal(new FoundEngine(EngineEndpoint.Default, "default socket"), EngineDiscovery.Find(Environment()));

    [Fact]
    public async Task DOCKER_HOST_comes_before_DOCKER_CONTEXT()
    {
        await CreateContextAsync("slipway-other", "host=unix:///run/other.sock");

        var found = EngineDiscovery.Find(Environment(("DOCKER_HOST", "tcp://127.0.0.1:2375"), ("DOCKER_CONTEXT", "slipway-other")));

        Assert.Equal(("tcp://127.0.0.1:2375", "DOCKER_HOST"), (found.Endpoint.ToString(), found.FoundBy));
    }

    [Fact]
    public async Task DOCKER_CONTEXT_names_a_context_made_by_the_docker_CLI()
    {
        await CreateContextAsync("arm-builder", "host=ssh://builder@arm-host:2222");

        var found = EngineDiscovery.Find(Environment(("DOCKER_CONTEXT", "arm-builder")));

        Assert.Equal(("ssh://builder@arm-host:2222", "context arm-builder (DOCKER_CONTEXT)"), (found.Endpoint.ToString(), found.FoundBy));
    }

    [Fact]
    public async Task The_current_context_of_docker_context_use_is_found()
    {
        await CreateContextAsync("slipway-current", "host=tcp://10.0.0.5:2375");
        var use = await ProcessRunner.RunAsync("env", [$"DOCKER_CONFIG={_config.Path}", "docker", "context", "use", "slipway-current"]);
        Assert.True(use.ExitCode == 0, use.Stderr);

        var found = EngineDiscovery.Find(Environment());

        Assert.Equal(("tcp://10.0.0.5:2375", "context slipway-current"), (found.Endpoint.ToString(), found.FoundBy));
        Assert.True(found.Endpoint.IsPlainRemote);
    }

    [Fact]
    public void The_context_named_default_means_the_default_socket() =>
        Assert.Equal("context default (default socket)", EngineDiscovery.FindRoute("default", Environment()).FoundBy);

    [Fact]
    public async Task A_context_with_TLS_material_is_spoken_to_over_TLS()
    {
        var certificates = TestCertificates.Create(_config.Path / "certs").Client;
        await CreateContextAsync("slipway-tls", $"host=tcp://127.0.0.1:2376,ca={certificates}/ca.pem,cert={certificates}/cert.pem,key={certificates}/key.pem");

        var found = EngineDiscovery.FindRoute("slipway-tls", Environment());

        Assert.NotNull(found.Endpoint.Tls);
        Assert.True(found.Endpoint.Tls.VerifyServer);
        Assert.True(File.Exists(found.Endpoint.Tls.CaFile), found.Endpoint.Tls.CaFile);
        Assert.True(found.Endpoint.Tls.HasClientCertificate);
    }

    [Fact]
    public void An_unknown_context_is_named_with_where_it_was_looked_for()
    {
        var failure = Assert.Throws<SlipwayException>(() => EngineDiscovery.Find(Environment(("DOCKER_CONTEXT", "no-such-context"))));

        Assert.Equal($"Docker context 'no-such-context' (DOCKER_CONTEXT) does not exist in {_config.Path / "contexts"}: `docker context ls` lists the contexts there",
            failure.Message);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_takes_the_certificates_from_DOCKER_CERT_PATH()
    {
        _config.Write("certs/ca.pem", "x");

        var found = EngineDiscovery.Find(Environment(
            ("DOCKER_HOST", "tcp://build-host:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", _config.Path / "certs")));

        Assert.Equal(new EngineTls(_config.Path / "certs", VerifyServer: true), found.Endpoint.Tls);
    }

    public void Dispose() => _config.Dispose();
}
