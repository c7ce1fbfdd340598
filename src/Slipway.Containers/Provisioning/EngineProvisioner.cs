using Serilog;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Provisioning;

/// <summary>Makes sure a Docker engine answers and foreign platforms have QEMU: on Debian or Ubuntu, as root or with
/// passwordless sudo, it installs or registers what is missing (provision/engine.sh); anywhere else it fails with the
/// one line that says what to run.</summary>
internal static class EngineProvisioner
{
    public static async Task EnsureAsync(ContainerEngine engine, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        try
        {
            await engine.GetPlatformAsync(cancellation); // answers like a ping, and every build asks it next
            return;
        }
        catch (SlipwayException) when (engine.Endpoint == EngineEndpoint.Default && MachineProbe.HasApt && MachineProbe.Root is not RootAccess.None and var root)
        {
            log.Warning("No Docker engine answers at {Endpoint}. This is a Debian or Ubuntu machine and Slipway can install {Root}, " +
                        "so it provisions one: installs docker.io from the distribution and starts dockerd", engine.Endpoint, MachineProbe.DescribeRoot(root));
        }
        await new ProvisioningScript("engine.sh").RunAsync(temporaryDirectory, [], log, cancellation);
        await engine.PingAsync(cancellation);
    }

    /// <summary>Makes sure QEMU's binfmt handler for <paramref name="architecture"/> is enabled: when it is (registered
    /// by docker/setup-qemu-action, tonistiigi/binfmt or qemu-user-static) this only says so; when it is missing it is
    /// registered via provision/engine.sh where the machine allows it.</summary>
    /// <returns>What was found or done, for the log.</returns>
    public static async Task<string> EnsureEmulationAsync(string architecture, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        var handler = BinfmtHandler.For(architecture);
        if (handler.IsEnabled)
            return $"binfmt handler {handler.Name} already registered ({handler.Interpreter}): nothing to register";
        if (!MachineProbe.HasApt || MachineProbe.Root is RootAccess.None)
            throw new SlipwayException(
                $"building for {architecture} needs QEMU emulation, and no binfmt handler {handler.Name} is registered; " +
                (MachineProbe.HasApt ? "Slipway cannot register it (not root, and sudo -n does not work): run sudo apt-get install -y qemu-user-static binfmt-support && sudo update-binfmts --enable" 
                                     : "install qemu-user-static and binfmt-support") +
                $", or docker run --privileged --rm tonistiigi/binfmt --install {architecture} (in a GitHub workflow: a docker/setup-qemu-action step)");
        log.Warning("QEMU's binfmt handler {Handler} is missing or disabled; Slipway registers it {Root} (provision/engine.sh)",
            handler.Name, MachineProbe.DescribeRoot(MachineProbe.Root));
        await new ProvisioningScript("engine.sh").RunAsync(temporaryDirectory, [], log, cancellation);
        if (!handler.IsEnabled)
            throw new SlipwayException($"QEMU's binfmt handler {handler.Path} is still missing or disabled after provisioning");
        return $"binfmt handler {handler.Name} registered now ({handler.Interpreter})";
    }
}
