using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.EngineReach;

/// <summary>The engine reached only through a context of the Docker CLI's, made by the CLI in a configuration folder
/// of the test's own: no DOCKER_HOST in the build's environment.</summary>
[Collection("engine")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContextEngineTests : IAsyncLifetime
{
    private readonly TempFolder _config = new();
    private readonly ReachedEngineBuild _build = new();

    private Dictionary<string, string> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = _config.Path };
        foreach (var (name, value) in variables)
            environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task The_current_context_of_the_docker_CLI_is_built_on_and_named()
    {
        foreach (var command in new[] { new[] {"create", "slipway-main", "--docker", "host=unix:///var/run/docker.sock" }, ["use", "slipway-main"] })
        {
            var result = await ProcessRunner.RunAsync("env", ["-u", "DOCKER_HOST", "-u", "DOCKER_CONTEXT", $"DOCKER_CONFIG={_config.Path}", "docker", "context", .. command]);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        var output = await _build.PushesAsync(Environment());

        Assert.Contains("Docker engine: unix:///var/run/docker.sock (context slipway-main)", output);
    }

    [Fact]
    public async Task An_unknown_context_is_one_line()
    {
        var output = await _build.FailsAsync(Environment(("DOCKER_CONTEXT", "slipway-no-such-context")));

        Assert.Contains($"Docker context 'slipway-no-such-context' (DOCKER_CONTEXT) does not exist in {_config.Path / "contexts"}", output);
    }

    [Fact]
    public async Task An_unknown_context_for_a_platform_is_one_line()
    {
        var output = await _build.FailsAsync(Environment(), "--engines", "linux/arm64=slipway-no-such-builder");

        Assert.Contains("Docker context 'slipway-no-such-builder' (--engines) does not exist", output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _build.DisposeAsync();
        _config.Dispose();
    }
}
