using Slipway.Containers.Components;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>Everything a fresh Debian machine needs before images can be built and tested there: a Docker engine,
/// QEMU for foreign platforms and the stand-in base images. Elsewhere it only checks that an engine answers.</summary>
public static class MachineProvisioner
{
    public static async Task EnsureAsync(IHazDockerEngine build, IReadOnlyList<Platform> platforms, CancellationToken cancellation)
    {
        using var engine = build.DockerHost is { Length: > 0 } host
            ? new ContainerEngine(EngineEndpoint.Parse(host))
            : ContainerEngine.FromEnvironment(build.EnvironmentVariables);
        await EngineProvisioner.EnsureAsync(engine, build.TemporaryDirectory, build.Log, cancellation);
        if (!MachineProbe.CanProvision)
        {
            build.Log.Information("Not a Debian machine run as root: nothing is installed; base images come from their registries");
            return;
        }
        var native = await engine.GetPlatformAsync(cancellation);
        foreach (var platform in platforms.Where(platform => platform.Architecture != native.Architecture))
            await EngineProvisioner.EnsureEmulationAsync(platform.Architecture, build.TemporaryDirectory, build.Log, cancellation);
        await StandInBaseImages.EnsureAsync(platforms, engine, build.TemporaryDirectory, build.Log, cancellation);
        build.Note($"engine, QEMU and stand-in base images for {string.Join(", ", platforms)}");
    }
}
