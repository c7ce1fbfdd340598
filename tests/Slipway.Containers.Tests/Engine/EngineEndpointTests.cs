using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Engine;

public sealed class EngineEndpointTests
{
    [Fact]
    public void Without_DOCKER_HOST_the_default_socket_is_used()
    {
        var endpoint = EngineEndpoint.FromEnvironment(new Dictionary<string, string> { ["HOME"] = "/root" });

        Assert.Equal("unix:///var/run/docker.sock", endpoint.ToString());
        Assert.True(endpoint.IsUnixSocket);
        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
    }

    [Fact]
    public void DOCKER_HOST_from_the_given_environment_wins()
    {
        var endpoint = EngineEndpoint.FromEnvironment(new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///run/user/1000/docker.sock" });

        Assert.Equal("unix:///run/user/1000/docker.sock", endpoint.ToString());
    }

    [Fact]
    public void An_empty_DOCKER_HOST_means_the_default() =>
        Assert.Equal(EngineEndpoint.Default, EngineEndpoint.FromEnvironment(new Dictionary<string, string> { ["DOCKER_HOST"] = " " }));

    [Theory]
    [InlineData("tcp://build-host:2376", "tcp://build-host:2376")]
    [InlineData("tcp://10.0.0.5", "tcp://10.0.0.5:2375")]
    [InlineData("/var/run/docker.sock", "unix:///var/run/docker.sock")]
    public void Tcp_and_socket_addresses_are_understood(string value, string expected) =>
        Assert.Equal(expected, EngineEndpoint.Parse(value).ToString());

    [Theory]
    [InlineData("ssh://me@host/path", "an ssh:// engine has no path")]
    [InlineData("npipe:////./pipe/docker_engine", "named pipes are not supported")]
    [InlineData("ftp://host", "unknown scheme 'ftp'")]
    [InlineData("not a url", "not a URL")]
    public void Unsupported_endpoints_fail_with_a_reason(string value, string reason)
    {
        var failure = Assert.Throws<SlipwayException>(() => EngineEndpoint.Parse(value));

        Assert.StartsWith($"invalid Docker engine endpoint '{value}' (DOCKER_HOST): {reason}", failure.Message);
    }

    [Theory]
    [InlineData("ssh://me@build-host", "ssh://me@build-host")]
    [InlineData("ssh://me@build-host:2222", "ssh://me@build-host:2222")]
    [InlineData("ssh://build-host", "ssh://build-host")]
    public void Ssh_addresses_are_understood(string value, string expected)
    {
        var endpoint = EngineEndpoint.Parse(value);

        Assert.True(endpoint.IsSsh);
        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2375", true)]
    [InlineData("tcp://127.0.0.1:2375", false)]
    [InlineData("tcp://localhost:2375", false)]
    [InlineData("unix:///var/run/docker.sock", false)]
    public void Only_plain_tcp_to_another_machine_counts_as_plain_remote(string value, bool plainRemote) =>
        Assert.Equal(plainRemote, EngineEndpoint.Parse(value).IsPlainRemote);

    [Fact]
    public void A_TLS_engine_points_the_docker_CLI_at_its_certificates()
    {
        var endpoint = EngineEndpoint.Parse("tcp://build-host:2376", new EngineTls("/certs", VerifyServer: true));

        Assert.Equal(new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = "tcp://build-host:2376", ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = "/certs",
        }, endpoint.CliEnvironment());
    }
}
