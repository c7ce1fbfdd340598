namespace Slipway.Containers.Provisioning;

/// <summary>Whether this machine is one Slipway may set up by itself: Debian (apt), and running as root.</summary>
internal static class MachineProbe
{
    public static bool CanProvision => OperatingSystem.IsLinux() && File.Exists("/etc/debian_version") && Environment.IsPrivilegedProcess;
}
