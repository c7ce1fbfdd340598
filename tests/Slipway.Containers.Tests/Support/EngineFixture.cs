using System.Collections;
using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Session;

namespace Slipway.Containers.Tests.Support;

/// <summary>
/// The real engine (DOCKER_HOST or the default socket) with the busybox base images loaded. Test classes take it as a
/// class fixture inside the shared "engine" collection, so they run one after another with the other engine tests.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public ContainerEngine Engine { get; } = ContainerEngine.FromEnvironment(
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? ""));

    /// <summary>The BuildKit sessions the tests' builds share, as one run's builds do.</summary>
    public BuildSessions Sessions { get; } = new();

    /// <summary>A builder on <see cref="Engine"/> with the fixture's sessions.</summary>
    public ImageBuilder Builder() => new(Engine, Sessions);

    public string Amd64Base { get; private set; } = "";

    public string Arm64Base { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Engine.PingAsync();
        Amd64Base = await BusyboxImages.EnsureAsync(Engine, "amd64");
        Arm64Base = await BusyboxImages.EnsureAsync(Engine, "arm64");
        Qemu.EnsureAarch64();
    }

    public async Task DisposeAsync()
    {
        await Sessions.DisposeAsync();
        Engine.Dispose();
    }
}
