using System.Diagnostics;

namespace Slipway.Containers.Tests.Support;

/// <summary>Makes sure arm64 binaries run here (QEMU through binfmt_misc), as provision/engine.sh sets up.</summary>
internal static class Qemu
{
    private const string Handler = "/proc/sys/fs/binfmt_misc/qemu-aarch64";

    public static bool Aarch64Enabled => File.Exists(Handler) && File.ReadAllText(Handler).StartsWith("enabled", StringComparison.Ordinal);

    public static void EnsureAarch64()
    {
        if (Aarch64Enabled)
            return;
        // Idempotent and harmless when already set up; needs root: directly, or through passwordless sudo as on a hosted runner.
        var asRoot = Environment.IsPrivilegedProcess ? [] : new[] { "sudo", "-n" };
        Run([.. asRoot, "mount", "-t", "binfmt_misc", "binfmt_misc", "/proc/sys/fs/binfmt_misc"]);
        Run([.. asRoot, "update-binfmts", "--enable", "qemu-aarch64"]);
        if (!Aarch64Enabled)
            throw new InvalidOperationException(
                "QEMU emulation for arm64 is not enabled (no " + Handler + "): run provision/engine.sh (as root or with passwordless sudo), " +
                "or docker run --privileged --rm tonistiigi/binfmt --install arm64");
    }

    private static void Run(string[] command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { RedirectStandardError = true, RedirectStandardOutput = true });
            process?.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The tool is missing: the check after it says what to do.
        }
    }
}
