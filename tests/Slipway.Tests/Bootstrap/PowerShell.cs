namespace Slipway.Tests.Bootstrap;

/// <summary>Where <c>pwsh</c> is on this machine: on PATH or as the .NET global tool (<c>dotnet tool install --global
/// PowerShell</c>); null when it is not installed.</summary>
internal static class PowerShell
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(folder => System.IO.Path.Combine(folder, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh")).FirstOrDefault(File.Exists);
    }
}
