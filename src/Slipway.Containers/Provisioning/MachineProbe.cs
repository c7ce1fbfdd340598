using Slipway.Processes;

namespace Slipway.Containers.Provisioning;

/// <summary>Whether this machine is one Slipway may set up by itself: Debian or Ubuntu (apt), and root, either because
/// Slipway runs as root or because passwordless sudo works (<c>sudo -n</c>, as on a GitHub-hosted runner).</summary>
internal static class MachineProbe
{
    public static RootAccess Root =>
        Environment.IsPrivilegedProcess ? RootAccess.Root
        : OperatingSystem.IsLinux() && Tool.Capture(new ToolRun("sudo", ["-n", "true"]), TimeSpan.FromSeconds(5)) is not null ? RootAccess.PasswordlessSudo
        : RootAccess.None;

    public static bool HasApt => OperatingSystem.IsLinux() && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    public static bool CanProvision => HasApt && Root != RootAccess.None;

    /// <summary>How Slipway gets root here, for the log: "as root" or "with sudo -n (passwordless sudo for runner)".</summary>
    public static string DescribeRoot(RootAccess root) => root switch
    {
        RootAccess.Root => "as root",
        RootAccess.PasswordlessSudo => $"with sudo -n (passwordless sudo works for {Environment.UserName})",
        _ => "not at all (not root, and sudo -n does not work)",
    };
}
