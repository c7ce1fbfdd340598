using Serilog;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Components;

/// <summary>TestApp's work: build the test stage on top of each platform's builder and run it with no network.</summary>
internal sealed class AppTests(BuildInputs inputs, ContainerEngines engines, string testStage, ILogger log)
{
    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> RunAsync(CancellationToken cancellation)
    {
        foreach (var platform in inputs.Platforms)
        {
            var engine = engines.For(platform.Platform);
            var tag = $"{inputs.Names.App}-test:{inputs.LocalTag("latest", platform)}";
            var dockerfiles = inputs.Dockerfiles;
            var builder = inputs.BuilderReference(platform);
            var dockerfile = dockerfiles.AppAsBuilt(builder, platform);
            var arguments = dockerfiles.AppArguments(builder, platform);
            var reads = DockerfileReads.Select(inputs.Context, dockerfiles.AppDockerfile, dockerfile, testStage, platform.Platform, arguments);
            var request = new ImageBuild(inputs.Context, dockerfiles.AppDockerfile.RelativeTo(inputs.Context))
            {
                Platform = platform.Platform,
                Target = testStage,
                Tags = [tag],
                BuildArgs = arguments,
                ContextPaths = reads.Files.Paths,
                DockerfileText = dockerfiles.AppIsRewritten ? dockerfile.Text : null,
            };
            await engines.BuilderFor(platform.Platform).BuildAsync(request, log, cancellation);
            var run = await engine.RunAsync(new ContainerRun(tag, []) { Platform = platform.Platform }, cancellation);
            foreach (var line in (run.StandardOutput + run.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                log.Information("{Platform} | {Line}", platform.Platform, line);
            if (!run.Succeeded)
                throw new SlipwayException($"the service's unit tests failed on {platform.Platform} (exit code {run.ExitCode})");
        }
        return $"unit tests passed on {string.Join(", ", inputs.Platforms.Select(p => p.Platform))}";
    }
}
