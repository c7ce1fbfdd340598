using Slipway.Tests.Support;

namespace Slipway.Tests.Cli;

public sealed class HelpTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Help_lists_targets_parameters_with_effective_values_and_options()
    {
        _root.Write(".nuke/parameters.json", """{ "Retries": 5 }""");
        var environment = new Dictionary<string, string> { ["REGISTRY_TOKEN"] = "do-not-print-me", ["SLIPWAY_REGISTRY"] = "localhost:5000" };

        var run = await BuildRun.RunAsync<SampleBuild>(_root, ["--help", "--artifacts", "out"], b => b.Test, environment);

        Assert.Equal(0, run.ExitCode);
        Snapshot.Match(run.Output, "help.txt");
    }

    [Fact]
    public async Task Short_help_prints_the_same_and_runs_nothing()
    {
        var build = new SampleBuild();

        var run = await BuildRun.RunAsync<SampleBuild>(_root, ["-h", "--no-logo"], b => b.Test, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: ./build.sh", run.Output);
        Assert.Empty(build.Ran);
    }
}
