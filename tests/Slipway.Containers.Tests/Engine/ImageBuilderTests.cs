using System.Runtime.Versioning;
using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Session;
using Slipway.Containers.Platforms;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class ImageBuilderTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly TempFolder _context = new();
    private readonly LogCapture _log = new();
    private readonly List<string> _tags = [];

    private ImageBuilder Builder => fixture.Builder();

    public void Dispose()
    {
        foreach (var tag in _tags)
            fixture.Engine.RemoveImageAsync(tag, force: true).GetAwaiter().GetResult();
        _context.Dispose();
    }

    private string Tag(string name)
    {
        var tag = $"slipway-test/{name}:{Guid.NewGuid():N}"[..40];
        _tags.Add(tag);
        return tag;
    }

    [Fact]
    public async Task A_tiny_dockerfile_builds_and_gives_the_image_id_with_labels_tags_and_steps()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nARG GREETING\nRUN echo \"$GREETING from the build\" > /greeting\n");
        var tag = Tag("tiny");

        var built = await Builder.BuildAsync(new ImageBuild(_context.Path)
        {
            Tags = [tag],
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "tiny" },
            BuildArgs = new Dictionary<string, string> { ["GREETING"] = "hello" },
            NoCache = true,
        }, _log.Logger);

        Assert.StartsWith("sha256:", built.Id);
        var image = await fixture.Engine.InspectImageAsync(tag);
        Assert.Equal(built.Id, image?.Id);
        Assert.Equal("tiny", image!.Labels["org.opencontainers.image.title"]);
        var run = Assert.Single(built.Steps, step => step.Instruction.StartsWith("RUN "));
        Assert.Contains(_log.Lines, line => line == $"[step] #{run.Number} {run.Name}");
        Assert.Contains(_log.Lines, line => line.StartsWith($"[step] #{run.Number} DONE "));
        var greeting = await fixture.Engine.RunAsync(tag, ["cat", "/greeting"]);
        Assert.Equal("hello from the build\n", greeting.StandardOutput);
    }

    [Fact]
    public async Task Building_the_same_thing_again_takes_the_steps_from_the_cache()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nRUN echo cached-{Guid.NewGuid():N} > /marker\n");
        var build = new ImageBuild(_context.Path) { Tags = [Tag("cached")] };

        var first = await Builder.BuildAsync(build, _log.Logger);
        var second = await Builder.BuildAsync(build, _log.Logger);

        Assert.Equal(first.Id, second.Id);
        Assert.True(Assert.Single(second.Steps, step => step.Instruction.StartsWith("RUN ")).Cached);
    }

    [Fact]
    public async Task A_failing_run_names_the_step_and_its_last_log_line()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nRUN echo installing && echo 'no matching distribution found' && exit 7\n");

        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            Builder.BuildAsync(new ImageBuild(_context.Path) { Tags = [Tag("failing")], NoCache = true }, _log.Logger));

        Assert.StartsWith(
            "build of slipway-test/failing", failure.Message);
        Assert.Contains(
            "failed at step `RUN echo installing && echo 'no matching distribution found' && exit 7`: exit code 7\n  last lines:\n",
            failure.Message);
        Assert.EndsWith("  no matching distribution found", failure.Message);
    }

    [Fact]
    public async Task A_target_stage_stops_the_build_there()
    {
        _context.Write("Dockerfile",
            $"FROM {fixture.Amd64Base} AS first\nRUN echo first > /stage\nFROM first AS second\nRUN echo second > /stage\n");
        var tag = Tag("target");

        await Builder.BuildAsync(new ImageBuild(_context.Path) { Tags = [tag], Target = "first" }, _log.Logger);

        Assert.Equal("first\n", (await fixture.Engine.RunAsync(tag, ["cat", "/stage"])).StandardOutput);
    }

    [Fact]
    public async Task Building_for_linux_arm64_runs_under_qemu_and_gives_an_arm64_image()
    {
        _context.Write("docker/app.Dockerfile", $"FROM {fixture.Arm64Base}\nRUN uname -m > /machine\n");
        var tag = Tag("arm64");

        var built = await Builder.BuildAsync(new ImageBuild(_context.Path, "docker/app.Dockerfile")
        {
            Tags = [tag],
            Platform = Platform.Parse("linux/arm64"),
            NoCache = true,
        }, _log.Logger);

        var image = await fixture.Engine.InspectImageAsync(built.Id);
        Assert.Equal("arm64", image?.Architecture);
        var machine = await fixture.Engine.RunAsync(tag, ["cat", "/machine"], platform: Platform.Parse("linux/arm64"));
        Assert.Equal("aarch64\n", machine.StandardOutput);
    }

    [Fact]
    public async Task Files_left_out_by_dockerignore_do_not_reach_the_build()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nCOPY . /ctx\n");
        _context.Write(".dockerignore", "secret.txt\n");
        _context.Write("secret.txt", "do not send");
        _context.Write("kept.txt", "send");
        var tag = Tag("ignore");

        await Builder.BuildAsync(new ImageBuild(_context.Path) { Tags = [tag] }, _log.Logger);

        var listing = await fixture.Engine.RunAsync(tag, ["ls", "-a", "/ctx"]);
        Assert.Equal([".", "..", ".dockerignore", "Dockerfile", "kept.txt"], listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Cancelling_stops_a_running_build_promptly()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nRUN echo started-{Guid.NewGuid():N} && sleep 60\n");
        await fixture.Sessions.WarmUpAsync(); // the 3 s are for the engine, not for this process's first session server start
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Builder.BuildAsync(new ImageBuild(_context.Path) { Tags = [Tag("cancelled")] }, _log.Logger, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(_log.Lines.Any(line => line.Contains("RUN echo started-")), string.Join("\n", _log.Lines));
    }

    [Fact]
    public async Task A_missing_base_image_fails_with_the_engines_reason()
    {
        _context.Write("Dockerfile", "FROM slipway-test/no-such-base:never\nRUN true\n");

        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            Builder.BuildAsync(new ImageBuild(_context.Path), _log.Logger));

        Assert.StartsWith(
            "build of Dockerfile failed: base image docker.io/slipway-test/no-such-base:never is not in the local engine and could not be pulled: ",
            failure.Message);
    }
}
