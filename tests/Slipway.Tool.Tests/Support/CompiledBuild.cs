namespace Slipway.Tool.Tests.Support;

/// <summary>What build.sh leaves in a repository's .nuke/temp after compiling the build project: the compiled build
/// (build-bin), the hash of the sources it was compiled from, the size of every compiled file and the dotnet it runs
/// with. Copied into another repository, build.sh there checks it as its own (the stamp against that repository's
/// sources, every file's size) and runs it when current, else compiles.</summary>
internal static class CompiledBuild
{
    private static readonly IReadOnlyList<string> Records = ["build.stamp", "build-bin.files", "build.dotnet"];

    private const string Folder = "build-bin";

    /// <summary>Whether <paramref name="temp"/> (a .nuke/temp) holds a compiled build with its records.</summary>
    public static bool IsIn(string temp) =>
        File.Exists(Path.Combine(temp, Folder, "_build.dll")) && Records.All(record => File.Exists(Path.Combine(temp, record)));

    /// <summary>Copies the compiled build and its records from one .nuke/temp to another.</summary>
    public static void Copy(string fromTemp, string toTemp)
    {
        Directory.CreateDirectory(toTemp);
        foreach (var record in Records)
            File.Copy(Path.Combine(fromTemp, record), Path.Combine(toTemp, record), overwrite: true);
        var compiled = Path.Combine(fromTemp, Folder);
        foreach (var file in Directory.EnumerateFiles(compiled, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(toTemp, Folder, Path.GetRelativePath(compiled, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
