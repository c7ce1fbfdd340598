namespace Slipway.Containers.Components;

/// <summary>What <c>platform.machine()</c> / <c>uname -m</c> reports inside a container of an architecture.</summary>
internal static class MachineNames
{
    public static string Of(string architecture) => architecture switch
    {
        "amd64" => "x86_64",
        "arm64" => "aarch64",
        "arm" => "armv7l",
        "386" => "i686",
        var other => other,
    };
}
