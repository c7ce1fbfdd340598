using Slipway.Execution;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Values;

/// <summary>Values flow forward: a target produces a typed value, later targets consume it, the planner knows who
/// provides what, and a test can hand a target its value without running the provider.</summary>
public sealed class ValueFlowTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    public sealed record Manifest(string Text);

    public sealed record Package(string Name);

    public sealed class FlowBuild : SlipwayBuild
    {
        public List<string> Seen { get; } = [];

        public Target Resolve => _ => _
            .Produces<Manifest>(() => new Manifest("resolved"));

        public Target Pack => _ => _
            .DependsOn(Resolve)
            .Consumes<Manifest>()
            .Produces<Package>(() => new Package("pkg-" + Value<Manifest>().Text));

        public Target Publish => _ => _
            .DependsOn(Pack)
            .Consumes<Package>()
            .Executes(() => Seen.Add(Value<Package>().Name));

        public Target Sneaky => _ => _
            .DependsOn(Resolve)
            .Executes(() => Seen.Add(Value<Manifest>().Text));

        public Target Orphan => _ => _
            .Consumes<Manifest>()
            .Executes(() => Seen.Add(Value<Manifest>().Text));
    }

    private async Task<(BuildRun Run, FlowBuild Build)> RunAsync(string[] arguments, IReadOnlyList<object>? given = null)
    {
        var build = new FlowBuild();
        var output = new StringWriter();
        var invocation = new Invocation([.. arguments, "--no-logo"])
        {
            WorkingDirectory = _root.Path,
            Output = output,
            Values = given ?? [],
        };
        var result = await BuildRunner.RunAsync(build, invocation, instance => ((FlowBuild)instance).Publish);
        return (new BuildRun(result, output.ToString()), build);
    }

    [Fact]
    public async Task A_consumer_reads_the_value_its_producer_made()
    {
        var (run, build) = await RunAsync(["Publish"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["pkg-resolved"], build.Seen);
    }

    [Fact]
    public async Task A_consumer_planned_without_its_producer_fails_before_anything_runs()
    {
        var (run, build) = await RunAsync(["Publish", "--skip", "Pack"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal("error: target Publish consumes Package, but Pack, which produces it, is skipped (skipped by --skip)", line);
        Assert.Empty(build.Seen);
    }

    [Fact]
    public async Task The_plan_of_a_consumer_without_a_planned_producer_is_one_error_line()
    {
        var (run, _) = await RunAsync(["Orphan", "--plan"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: target Orphan consumes Manifest, which no planned target produces (Resolve would: make Orphan depend on it)",
            Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_given_value_replaces_its_producer()
    {
        var (run, build) = await RunAsync(["Publish"], [new Package("handed-in")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["handed-in"], build.Seen);
        var pack = run.Result.Targets.Single(target => target.Name == "Pack");
        Assert.Equal(TargetStatus.Skipped, pack.Status);
        Assert.Equal("given: Package", pack.Note);
    }

    [Fact]
    public async Task Reading_a_value_without_declaring_it_fails_the_target_with_one_line()
    {
        var (run, build) = await RunAsync(["Sneaky"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("target Sneaky reads Manifest without declaring .Consumes<Manifest>()", run.Output);
        Assert.Empty(build.Seen);
    }
}
