using Slipway.Containers.Engine;

namespace Slipway.Containers.Components;

/// <summary>TestApp's work: build the test stage on top of each platform's builder and run it with no network.</summary>
internal sealed class AppTests(ITestApp build)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        var session = build.Containers;
        var inputs = session.Inputs;
        foreach (var platform in inputs.Platforms)
        {
            var tag = $"{inputs.Names.App}-test:{inputs.LocalTag("latest", platform)}";
            var request = new ImageBuild(inputs.Context, inputs.AppDockerfile.RelativeTo(inputs.Context))
            {
                Platform = platform.Platform,
                Target = build.TestStage,
                Tags = [tag],
                BuildArgs = new Dictionary<string, string>
                {
                    ["BUILDER_IMAGE"] = inputs.BuilderReference(platform),
                    ["BASE_IMAGE"] = platform.RuntimeBase.Reference,
                },
            };
            await new ImageBuilder(session.EngineFor(platform.Platform)).BuildAsync(request, build.Log, cancellation);
            var run = await session.EngineFor(platform.Platform).RunAsync(new ContainerRun(tag, []) { Platform = platform.Platform }, cancellation);
            foreach (var line in (run.StandardOutput + run.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                build.Log.Information("{Platform} | {Line}", platform.Platform, line);
            if (!run.Succeeded)
                throw new SlipwayException($"the service's unit tests failed on {platform.Platform} (exit code {run.ExitCode})");
        }
        build.Note($"unit tests passed on {string.Join(", ", inputs.Platforms.Select(p => p.Platform))}");
    }
}
