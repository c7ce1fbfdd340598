namespace Slipway.Containers.Tests.EngineReach;

/// <summary>The engine over ssh to localhost (an sshd of the test's own, a key made by the test), as the Docker CLI
/// reaches one: <c>ssh ... docker system dial-stdio</c> per connection, the BuildKit session included.</summary>
[Collection("engine")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SshEngineTests(SshServer ssh) : IClassFixture<SshServer>, IAsyncLifetime
{
    private readonly ReachedEngineBuild _build = new();

    private Dictionary<string, string> EnvironmentFor(int port)
    {
        var environment = ssh.RunEnvironment();
        environment["DOCKER_HOST"] = $"ssh://{ssh.User}@127.0.0.1:{port}";
        return environment;
    }

    [Fact]
    public async Task The_sample_is_built_and_pushed_on_an_engine_over_ssh()
    {
        // Auto: the bases the Dockerfiles name, as the engine behind ssh holds them (official, or the stand-ins
        // provisioning tagged under those names); building stand-ins through an ssh engine is not what this tests
        var output = await _build.PushesAsync(EnvironmentFor(ssh.Port), "--base-images", "Auto");

        Assert.Contains($"Docker engine: ssh://{ssh.User}@127.0.0.1:{ssh.Port} (DOCKER_HOST)", output);
    }

    [Fact]
    public async Task An_ssh_host_that_refuses_is_one_line()
    {
        var closed = TlsEngine.FreeLoopbackPort();

        var output = await _build.FailsAsync(EnvironmentFor(closed));

        Assert.Contains($"ssh to the Docker engine at ssh://{ssh.User}@127.0.0.1:{closed} failed: ssh: connect to host 127.0.0.1 port {closed}: Connection refused", output);
    }

    [Fact]
    public async Task A_remote_without_the_docker_CLI_is_one_line()
    {
        var output = await _build.FailsAsync(EnvironmentFor(ssh.PortWithoutDocker));

        Assert.Contains($"the Docker engine at ssh://{ssh.User}@127.0.0.1:{ssh.PortWithoutDocker}: the remote has no docker CLI for `docker system dial-stdio`", output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _build.DisposeAsync();
}
