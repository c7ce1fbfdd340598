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
    [InlineData("ssh://me@host", "ssh:// engines are not supported")]
    [InlineData("npipe:////./pipe/docker_engine", "named pipes are not supported")]
    [InlineData("ftp://host", "unknown scheme 'ftp'")]
    [InlineData("not a url", "not a URL")]
    public void Unsupported_endpoints_fail_with_a_reason(string value, string reason)
    {
        var failure = Assert.Throws<SlipwayException>(() => EngineEndpoint.Parse(value));

        Assert.StartsWith($"invalid Docker engine endpoint '{value}' (DOCKER_HOST): {reason}", failure.Message);
    }

    [Fact]
    public void A_TLS_engine_is_refused_clearly()
    {
        var failure = Assert.Throws<SlipwayException>(() => EngineEndpoint.FromEnvironment(
            new Dictionary<string, string> { ["DOCKER_HOST"] = "tcp://host:2376", ["DOCKER_TLS_VERIFY"] = "1" }));

        Assert.Contains("TLS engine endpoints are not supported", failure.Message);
    }
}
