using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Components;

/// <summary>
/// The current engine beside the distribution's: Debian trixie's dockerd 26 from <c>provision/current-engine.sh</c>
/// (ProvisionTestMachine starts it; a test run without it starts it here, idempotently). <c>SLIPWAY_CURRENT_ENGINE</c>
/// names another engine for these tests (a Docker Desktop or a runner's Moby, say).
/// </summary>
public sealed class CurrentEngine : IAsyncLifetime
{
    public const string Variable = "SLIPWAY_CURRENT_ENGINE";
    public const string ProvisionedSocket = "unix:///run/slipway/current-engine/docker.sock";

    public EngineEndpoint Endpoint { get; } = EngineEndpoint.Parse(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : ProvisionedSocket);

    public ContainerEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = new ContainerEngine(Endpoint);
        if (await AnswersAsync())
            return;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
            throw new InvalidOperationException($"{Variable}={Endpoint} does not answer");
        var script = SampleRepository.RepositoryRoot() / "provision" / "current-engine.sh";
        var started = await ProcessRunner.RunAsync("bash", [script, "start"], timeout: TimeSpan.FromMinutes(5));
        if (started.ExitCode != 0 || !await AnswersAsync())
            throw new InvalidOperationException($"provision/current-engine.sh did not start the current engine: {started.Stderr.Trim().Split('\n')[^1]}");
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await Engine.PingAsync();
            return true;
        }
        catch (SlipwayException)
        {
            return false;
        }
    }

    public Task DisposeAsync()
    {
        Engine.Dispose(); // the engine keeps running: the next run, the benchmark and the other test classes share it
        return Task.CompletedTask;
    }
}
