using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>Runs <c>--generate-configuration</c> in-process, as <c>./build.sh</c> would, and reads the workflows it wrote.</summary>
internal static class GeneratedWorkflows
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync<TBuild>(
        TempRoot root, IReadOnlyDictionary<string, string>? environment = null)
        where TBuild : SlipwayBuild, new()
    {
        var run = await BuildRun.RunAsync<TBuild>(root, ["--generate-configuration"], _ => null!, environment);
        Assert.True(run.ExitCode == 0, $"--generate-configuration failed:\n{run.Output}");
        return Read(root);
    }

    public static IReadOnlyDictionary<string, string> Read(TempRoot root)
    {
        var directory = root.Path / ".github" / "workflows";
        return Directory.EnumerateFiles(directory, "*.yml")
            .Order(StringComparer.Ordinal)
            .ToDictionary(file => Path.GetFileName(file), File.ReadAllText);
    }
}
