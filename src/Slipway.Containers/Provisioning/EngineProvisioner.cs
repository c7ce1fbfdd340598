using Serilog;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Provisioning;

/// <summary>Makes sure a Docker engine answers: on a fresh Debian machine as root it installs and starts one
/// (provision/engine.sh); anywhere else it fails with the one line that says what to do.</summary>
internal static class EngineProvisioner
{
    public static async Task EnsureAsync(ContainerEngine engine, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        try
        {
            await engine.PingAsync(cancellation);
            return;
        }
        catch (SlipwayException) when (MachineProbe.CanProvision && engine.Endpoint == EngineEndpoint.Default)
        {
            log.Warning("No Docker engine answers at {Endpoint}. This is a Debian machine and Slipway runs as root, so it provisions one: " +
                        "installs docker.io, qemu-user-static, binfmt-support and mmdebstrap from Debian and starts dockerd", engine.Endpoint);
        }
        await new ProvisioningScript("engine.sh").RunAsync(temporaryDirectory, [], log, cancellation);
        await engine.PingAsync(cancellation);
    }

    /// <summary>Registers QEMU's binfmt handlers (via provision/engine.sh) when a foreign platform needs them and they are missing.</summary>
    public static async Task EnsureEmulationAsync(string architecture, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        var qemu = architecture switch { "arm64" => "aarch64", "amd64" => "x86_64", "arm" => "arm", var other => other };
        var handler = $"/proc/sys/fs/binfmt_misc/qemu-{qemu}";
        if (IsEnabled(handler))
            return;
        if (!MachineProbe.CanProvision)
            throw new SlipwayException(
                $"building for {architecture} needs QEMU emulation, and no binfmt handler qemu-{qemu} is registered: install qemu-user-static and binfmt-support " +
                "(or run docker run --privileged --rm tonistiigi/binfmt --install " + architecture + ")");
        log.Warning("QEMU's binfmt handler for {Architecture} is missing or disabled; Slipway registers it (provision/engine.sh)", architecture);
        await new ProvisioningScript("engine.sh").RunAsync(temporaryDirectory, [], log, cancellation);
        if (!IsEnabled(handler))
            throw new SlipwayException($"QEMU's binfmt handler {handler} is still missing or disabled after provisioning");
    }

    private static bool IsEnabled(string handler) =>
        File.Exists(handler) && File.ReadAllText(handler).StartsWith("enabled", StringComparison.Ordinal);
}
