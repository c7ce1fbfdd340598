namespace Slipway.Containers.Provisioning;

/// <summary>The kernel's binfmt_misc entry that runs one architecture's binaries with QEMU, e.g.
/// <c>/proc/sys/fs/binfmt_misc/qemu-aarch64</c> for arm64.</summary>
internal sealed record BinfmtHandler(string Name)
{
    public const string Directory = "/proc/sys/fs/binfmt_misc";

    public static BinfmtHandler For(string architecture) =>
        new("qemu-" + architecture switch { "arm64" => "aarch64", "amd64" => "x86_64", "arm" => "arm", var other => other });

    public string Path => System.IO.Path.Combine(Directory, Name);

    public bool IsEnabled => Lines is ["enabled", ..];

    /// <summary>The program the kernel starts, e.g. <c>/usr/bin/qemu-aarch64-static</c> (F flag: opened when registered).</summary>
    public string Interpreter =>
        Lines.FirstOrDefault(line => line.StartsWith("interpreter ", StringComparison.Ordinal))?["interpreter ".Length..] ?? "interpreter unknown";

    private string[] Lines => File.Exists(Path) ? File.ReadAllLines(Path) : [];
}
