using Serilog;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>Everything a machine needs before images can be built and tested there: a Docker engine, QEMU for foreign
/// platforms and base images. Where Slipway can install (Debian or Ubuntu, root or passwordless sudo) it installs or
/// registers what is missing; base images are pulled, and stand-ins are built only where the official ones cannot be.</summary>
public sealed class MachineProvisioner(MachineRequirements requirements, string temporaryDirectory, ILogger log)
{
    /// <summary>Makes the machine ready; returns one line saying what it has, for the build's notes.</summary>
    public async Task<string> EnsureAsync(EngineEndpoint endpoint, CancellationToken cancellation)
    {
        await EnsureEngineAsync(endpoint, cancellation);
        return await EnsureBaseImagesAsync(endpoint, cancellation);
    }

    /// <summary>The engine answering at <paramref name="endpoint"/> and QEMU for every required platform it does not
    /// run natively.</summary>
    public async Task EnsureEngineAsync(EngineEndpoint endpoint, CancellationToken cancellation)
    {
        using var engine = new ContainerEngine(endpoint);
        await EngineProvisioner.EnsureAsync(engine, temporaryDirectory, log, cancellation);
        var native = await engine.GetPlatformAsync(cancellation);
        foreach (var platform in requirements.Platforms.Where(platform => platform.Architecture != native.Architecture))
            log.Information("{Platform}: {Emulation}", platform,
                await EngineProvisioner.EnsureEmulationAsync(platform.Architecture, temporaryDirectory, log, cancellation));
    }

    /// <summary>The base images for every required platform in the engine (which must answer); returns one line saying
    /// what it has, for the build's notes.</summary>
    public async Task<string> EnsureBaseImagesAsync(EngineEndpoint endpoint, CancellationToken cancellation)
    {
        using var engine = new ContainerEngine(endpoint);
        var bases = await new BaseImageResolver(_ => engine, temporaryDirectory, log).ResolveAsync(
            BaseImageSource.Auto, new BaseImageRequest(requirements.BuilderBaseImage, "the machine's builder base", "builder"),
            new BaseImageRequest(requirements.RuntimeBaseImage, "the machine's runtime base", "runtime"), requirements.Platforms, cancellation);
        var builders = await Task.WhenAll(bases.Values.Select(pair => engine.InspectImageAsync(pair.Builder.Reference, cancellation)));
        var official = builders.All(image => image is not null && !image.Labels.ContainsKey(StandInBaseImages.Label));
        return $"engine, QEMU and {(official ? "official" : "stand-in")} base images for {string.Join(", ", requirements.Platforms)}";
    }
}
