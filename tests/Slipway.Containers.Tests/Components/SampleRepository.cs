using Slipway.Containers.Components;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;
using Slipway.Execution;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Components;

/// <summary>A copy of the sample service (app/, docker/, .dockerignore) in a temporary root with a .nuke/ folder,
/// built in-process against the real engine under an image name of its own, removed afterwards. An engine given (the
/// current engine) is the builds' DOCKER_HOST and where the images are removed from; otherwise the default engine.</summary>
public sealed class SampleRepository : IDisposable
{
    private readonly EngineEndpoint? _engine;

    public SampleRepository(EngineEndpoint? engine = null)
    {
        _engine = engine;
        Root = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-sample-").FullName);
        var source = RepositoryRoot();
        CopyDirectory(source / "app", Root / "app");
        CopyDirectory(source / "docker", Root / "docker");
        File.Copy(source / ".dockerignore", Root / ".dockerignore");
        Directory.CreateDirectory(Root / ".nuke");
        ImageName = $"slipway-it/voice-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public AbsolutePath Root { get; }

    public string ImageName { get; }

    public string LastOutput { get; private set; } = "";

    public Task<BuildResult> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    public Task<BuildResult> RunAsync(IReadOnlyDictionary<string, string> extraEnvironment, params string[] arguments) =>
        RunAsync<SampleServiceBuild>(extraEnvironment, arguments);

    /// <summary>Runs another build class (a different composition of the components) on the same copy.</summary>
    public async Task<BuildResult> RunAsync<TBuild>(IReadOnlyDictionary<string, string> extraEnvironment, params string[] arguments)
        where TBuild : SlipwayBuild, new()
    {
        var output = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/root",
            ["SOURCE_DATE_EPOCH"] = "1790000000",
        };
        if (_engine is not null)
            environment["DOCKER_HOST"] = _engine.ToString();
        foreach (var (name, value) in extraEnvironment)
            environment[name] = value;
        var defaults = new List<string> { "--no-logo" };
        if (!arguments.Contains("--image-name"))
            defaults.AddRange(["--image-name", ImageName]);
        if (!arguments.Contains("--base-images"))
            defaults.AddRange(["--base-images", TestBaseImages.SourceFor(_engine)]);
        var invocation = new Invocation([.. arguments, .. defaults])
        {
            WorkingDirectory = Root,
            Environment = environment,
            Output = output,
        };
        var result = await BuildRunner.RunAsync(new TBuild(), invocation, build => ((IBuildAppImage)build).BuildAppImage);
        LastOutput = output.ToString();
        return result;
    }

    /// <summary>Makes the copy a git repository on <paramref name="branch"/> with one commit, tagged when a tag is given.</summary>
    public void CommitAll(string branch, string? tag = null)
    {
        Git("init", "-q", "-b", branch);
        Git("add", "-A");
        Git("-c", "user.name=Slipway Tests", "-c", "user.email=tests@slipway.invalid", "commit", "-q", "-m", "sample");
        if (tag is not null)
            Git("tag", tag);
    }

    private void Git(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }

    public void Write(string relativePath, string text) => File.WriteAllText(Root / relativePath, text);

    public void Append(string relativePath, string text) => File.AppendAllText(Root / relativePath, text);

    private ContainerEngine Engine() => _engine is null ? ContainerEngine.FromEnvironment(new Dictionary<string, string>()) : new ContainerEngine(_engine);

    public void RemoveImage(string reference)
    {
        using var engine = Engine();
        engine.RemoveImageAsync(reference, force: true).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        using var engine = Engine();
        foreach (var repository in new[] { ImageName, ImageName + "-builder", ImageName + "-test", ImageName + "-broken" })
        {
            foreach (var image in engine.ListImagesAsync(repository, new Dictionary<string, string>()).GetAwaiter().GetResult())
                foreach (var tag in image.Tags.Where(tag => tag.StartsWith(repository + ":", StringComparison.Ordinal)))
                    engine.RemoveImageAsync(tag, force: true).GetAwaiter().GetResult();
        }
        Directory.Delete(Root, recursive: true);
    }

    internal static AbsolutePath RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docker", "builder.Dockerfile")))
                return AbsolutePath.From(directory.FullName);
        }
        throw new InvalidOperationException("the repository root (with docker/builder.Dockerfile) was not found above the test binaries");
    }

    private static void CopyDirectory(AbsolutePath from, AbsolutePath to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "__pycache__" or "build" or ".pytest_cache" || part.EndsWith(".egg-info")))
                continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
