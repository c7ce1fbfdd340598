using System.Diagnostics;
using Slipway.Containers.Tests.Components;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.EngineReach;

/// <summary>The sample built (builder and app, amd64) and pushed to a local registry on an engine reached some other
/// way than the default socket, or a run against a bad one that must fail within seconds with one line.</summary>
internal sealed class ReachedEngineBuild : IAsyncDisposable
{
    private readonly SampleRepository _repository = new();
    private LocalRegistry? _registry;

    public string Output => _repository.LastOutput;

    public string ImageName => _repository.ImageName;

    /// <summary>Pushes the sample; returns the output. The registry holds both images afterwards.</summary>
    public async Task<string> PushesAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        _registry = await LocalRegistry.StartAsync();
        var pushed = $"acme/{_repository.ImageName.Split('/')[1]}";
        var result = await _repository.RunAsync(environment, ["Push", "--platforms", "linux/amd64", "--registry", $"{_registry.Address}/{pushed}",
            "--registry-username", LocalRegistry.Username, "--registry-password", LocalRegistry.Password, .. arguments]);
        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        using var app = await Skopeo.InspectRawAsync(_registry.Address, pushed, "dev", LocalRegistry.Username, LocalRegistry.Password);
        using var builder = await Skopeo.InspectRawAsync(_registry.Address, pushed + "-builder", "dev-builder", LocalRegistry.Username, LocalRegistry.Password);
        Assert.True(app.RootElement.TryGetProperty("schemaVersion", out _), app.RootElement.ToString());
        Assert.True(builder.RootElement.TryGetProperty("schemaVersion", out _), builder.RootElement.ToString());
        return _repository.LastOutput;
    }

    /// <summary>The one error line of a Restore that must fail (exit 1) within a few seconds.</summary>
    public async Task<string> FailsAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await _repository.RunAsync(environment, ["Restore", "--platforms", "linux/amd64", .. arguments]);
        Assert.True(result.ExitCode == 1, _repository.LastOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}: {_repository.LastOutput}");
        Assert.DoesNotContain("   at ", _repository.LastOutput);
        return _repository.LastOutput;
    }

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
            await _registry.DisposeAsync();
        _repository.Dispose();
    }
}
