using System.Diagnostics;
using Slipway.Tests.Ci;

namespace Slipway.Tests.Bootstrap;

/// <summary>A checkout in a temporary folder with this repository's <c>build.sh</c>, <c>build.ps1</c> and <c>global.json</c> and the
/// small <see cref="FixtureBuild"/>, compiled against the Slipway.dll the tests run with. Its processes are real:
/// <c>bash build.sh …</c>, output redirected.</summary>
public sealed class FixtureCheckout : IDisposable
{
    private FixtureCheckout(string root) => Root = root;

    public string Root { get; }

    public string Temp => Path.Combine(Root, ".nuke", "temp");

    public static FixtureCheckout Create()
    {
        // a folder of this user's own: a shared parent that another user's run made (root's, say) cannot be written
        var root = Directory.CreateTempSubdirectory("slipway-checkout-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "build"));
        Directory.CreateDirectory(Path.Combine(root, "lib"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "build.sh"), Path.Combine(root, "build.sh"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "build.ps1"), Path.Combine(root, "build.ps1"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(root, "global.json"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Slipway.dll"), Path.Combine(root, "lib", "Slipway.dll"));
        File.WriteAllText(Path.Combine(root, "build", "_build.csproj"), FixtureBuild.Project);
        File.WriteAllText(Path.Combine(root, "build", "Build.cs"), FixtureBuild.Source);
        return new FixtureCheckout(root);
    }

    /// <summary>A copy, compiled build and all (the sources stamp is the same, so it is not compiled again).</summary>
    public FixtureCheckout Copy()
    {
        var copy = Directory.CreateTempSubdirectory("slipway-checkout-").FullName;
        CopyFolder(Root, copy);
        return new FixtureCheckout(copy);
    }

    public BuildProcess Start(params string[] arguments) => BuildProcess.Start(Root, arguments);

    /// <summary>Starts <c>bash build.sh</c> with these variables added to (or replacing) the test's environment.</summary>
    public BuildProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        BuildProcess.Start(Root, arguments, environment: environment);

    public async Task<BuildProcess> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var process = StartWith(environment, arguments);
        await process.WaitAsync(TimeSpan.FromMinutes(5));
        return process;
    }

    public async Task<BuildProcess> RunAsync(params string[] arguments)
    {
        var process = Start(arguments);
        await process.WaitAsync(TimeSpan.FromMinutes(5));
        return process;
    }

    /// <summary>Runs <c>build.ps1</c> under <see cref="PowerShell.Path"/> to its end.</summary>
    public async Task<BuildProcess> RunPowerShellAsync(params string[] arguments)
    {
        var process = BuildProcess.Start(Root, arguments, PowerShell.Path ?? throw new InvalidOperationException("pwsh is not installed"));
        await process.WaitAsync(TimeSpan.FromMinutes(10));
        return process;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
        foreach (var folder in Directory.GetDirectories(from))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
