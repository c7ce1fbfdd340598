using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Stops;

/// <summary>A service repository in a temporary folder as an adopter has it: this repository's <c>build.sh</c> and
/// <c>global.json</c>, a build project (<see cref="ServiceBuild"/>), and the Dockerfiles a test writes. Its builds are
/// real <c>bash build.sh …</c> processes on the real engine, under an image name of their own, removed afterwards.</summary>
public sealed class ServiceCheckout : IDisposable
{
    private ServiceCheckout(string root)
    {
        Root = root;
        ImageName = $"slipway-it/stops-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string Root { get; }

    public string Temp => Path.Combine(Root, ".nuke", "temp");

    public string ImageName { get; }

    public static ServiceCheckout Create()
    {
        var repository = RepositoryRoot();
        var root = Directory.CreateTempSubdirectory("slipway-stops-").FullName;
        foreach (var folder in new[] { ".nuke", "build", "lib", "docker" })
            Directory.CreateDirectory(Path.Combine(root, folder));
        File.Copy(Path.Combine(repository, "build.sh"), Path.Combine(root, "build.sh"));
        File.Copy(Path.Combine(repository, "global.json"), Path.Combine(root, "global.json"));
        foreach (var library in new[] { "Slipway.dll", "Slipway.Containers.dll" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, library), Path.Combine(root, "lib", library));
        File.WriteAllText(Path.Combine(root, "build", "_build.csproj"), ServiceBuild.Project(repository));
        File.WriteAllText(Path.Combine(root, "build", "Build.cs"), ServiceBuild.Source);
        return new ServiceCheckout(root);
    }

    /// <summary>A copy with the compiled build (same sources stamp: not compiled again) and a new image name.</summary>
    public ServiceCheckout Copy()
    {
        var copy = new ServiceCheckout(Directory.CreateTempSubdirectory("slipway-stops-").FullName);
        CopyFolder(Root, copy.Root);
        return copy;
    }

    public void Write(string relativePath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, relativePath))!);
        File.WriteAllText(Path.Combine(Root, relativePath), text);
    }

    /// <summary>Starts <c>build.sh</c> with these arguments and the checkout's image name, on the stand-in bases.</summary>
    public ScriptProcess Start(params string[] arguments) =>
        ScriptProcess.Start(Root, [.. arguments, "--no-logo", "--image-name", ImageName, "--base-images", "StandIn"]);

    public async Task<ScriptProcess> RunAsync(params string[] arguments)
    {
        var process = Start(arguments);
        await process.WaitAsync(TimeSpan.FromMinutes(10));
        return process;
    }

    /// <summary>Every tag of the checkout's images the engine has (app and builder).</summary>
    public async Task<IReadOnlyList<string>> EngineTagsAsync()
    {
        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        var tags = new List<string>();
        foreach (var repository in new[] { ImageName, ImageName + "-builder" })
            foreach (var image in await engine.ListImagesAsync(repository, new Dictionary<string, string>()))
                tags.AddRange(image.Tags.Where(tag => tag.StartsWith(repository + ":", StringComparison.Ordinal)));
        return tags;
    }

    public void Dispose()
    {
        using (var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>()))
            foreach (var tag in EngineTagsAsync().GetAwaiter().GetResult())
                engine.RemoveImageAsync(tag, force: true).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && File.Exists(Path.Combine(directory.FullName, "global.json")))
                return directory.FullName;
        throw new InvalidOperationException("the repository root (with build.sh) was not found above the test binaries");
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
