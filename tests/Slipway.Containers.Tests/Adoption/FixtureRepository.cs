using System.Diagnostics;
using Slipway.Containers.Components;
using Slipway.Containers.Engine;
using Slipway.Execution;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Adoption;

/// <summary>A repository that is not Slipway's sample: a temporary git repository with the files a test gives (seed
/// layouts, their own ARG names, often no .dockerignore), built in-process with the components only, on the stand-in
/// bases, under an image name of its own; its images are removed afterwards.</summary>
public sealed class FixtureRepository : IDisposable
{
    public sealed class FixtureBuild : SlipwayBuild, IBuildAppImage;

    public FixtureRepository(IReadOnlyDictionary<string, string> files)
    {
        Root = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-fixture-").FullName);
        Directory.CreateDirectory(Root / ".nuke");
        foreach (var (path, text) in files)
            Write(path, text);
        ImageName = $"slipway-it/fixture-{Guid.NewGuid().ToString("N")[..8]}";
        Git("init", "-q", "-b", "trunk");
        Git("add", "-A");
        Git("-c", "user.name=Slipway Tests", "-c", "user.email=tests@slipway.invalid", "commit", "-q", "-m", "fixture");
    }

    public AbsolutePath Root { get; }

    public string ImageName { get; }

    public string LastOutput { get; private set; } = "";

    /// <summary>The value of <c>--base-images</c>: StandIn (the provisioned stand-ins, whatever the Dockerfiles name),
    /// or Auto to resolve the bases the Dockerfiles name as a user's build does.</summary>
    public string BaseImages { get; init; } = "StandIn";

    /// <summary>The PATH the builds see: this process's unless a test gives another (a machine with other tools).</summary>
    public string SearchPath { get; init; } = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";

    public Task<BuildResult> RunAsync(params string[] arguments) => RunAsync<FixtureBuild>(arguments);

    /// <summary>Runs another composition of the components on the same repository.</summary>
    public async Task<BuildResult> RunAsync<TBuild>(params string[] arguments) where TBuild : SlipwayBuild, new()
    {
        var output = new StringWriter();
        var result = await RunAsync<TBuild>(output, CancellationToken.None, arguments);
        LastOutput = output.ToString();
        return result;
    }

    /// <summary>Runs a build that writes to <paramref name="output"/> as it goes (a watch, read while it runs) until it
    /// ends or <paramref name="cancellation"/> stops it as Ctrl-C does.</summary>
    public async Task<BuildResult> RunAsync<TBuild>(TextWriter output, CancellationToken cancellation, params string[] arguments)
        where TBuild : SlipwayBuild, new()
    {
        var invocation = new Invocation([.. arguments, "--no-logo", "--image-name", ImageName, "--base-images", BaseImages])
        {
            WorkingDirectory = Root,
            Environment = new Dictionary<string, string>
            {
                ["PATH"] = SearchPath,
                ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/root",
                ["SOURCE_DATE_EPOCH"] = "1790000000",
            },
            Output = output,
            Cancellation = cancellation,
        };
        return await BuildRunner.RunAsync(new TBuild(), invocation, build => ((IBuildAppImage)build).BuildAppImage);
    }

    public void Write(string relativePath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Root / relativePath)!);
        File.WriteAllText(Root / relativePath, text);
    }

    public void Append(string relativePath, string text) => File.AppendAllText(Root / relativePath, text);

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
    }

    public void Dispose()
    {
        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        foreach (var repository in new[] { ImageName, ImageName + "-builder" })
            foreach (var image in engine.ListImagesAsync(repository, new Dictionary<string, string>()).GetAwaiter().GetResult())
                foreach (var tag in image.Tags.Where(tag => tag.StartsWith(repository + ":", StringComparison.Ordinal)))
                    engine.RemoveImageAsync(tag, force: true).GetAwaiter().GetResult();
        Directory.Delete(Root, recursive: true);
    }
}
