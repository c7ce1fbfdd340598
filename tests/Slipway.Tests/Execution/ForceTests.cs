using Slipway.Execution;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Execution;

/// <summary><c>--force</c>: incremental targets run although their inputs are unchanged, and know they were forced.</summary>
public sealed class ForceTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    public sealed class CachingBuild : SlipwayBuild
    {
        public List<string> Ran { get; } = [];

        public List<bool> ForcedSeen { get; } = [];

        Target Restore => _ => _
            .Inputs(inputs => inputs.Files("deps.txt"))
            .Executes(() => Ran.Add(nameof(Restore)));

        public Target Compile => _ => _
            .DependsOn(Restore)
            .Inputs(inputs => inputs.Files("src/*.py"))
            .Executes(() =>
            {
                Ran.Add(nameof(Compile));
                ForcedSeen.Add(IsForced);
            });
    }

    private async Task<(BuildRun Run, CachingBuild Build)> RunAsync(params string[] arguments)
    {
        var build = new CachingBuild();
        var run = await BuildRun.RunAsync<CachingBuild>(_root, [.. arguments, "--no-logo"], b => b.Compile, build: build);
        return (run, build);
    }

    [Fact]
    public async Task Force_with_a_name_runs_that_target_only_and_tells_it()
    {
        _root.Write("deps.txt", "numpy\n");
        _root.Write("src/main.py", "print('hi')\n");
        await RunAsync("Compile");

        var (run, build) = await RunAsync("Compile", "--force", "compile");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile"], build.Ran); // Restore stays up to date
        Assert.Equal([true], build.ForcedSeen);
        Assert.Equal(TargetStatus.UpToDate, run.Result["Restore"]!.Status);
        Assert.Matches("Compile runs: forced by --force \\(inputs [0-9a-f]{12}\\)", run.Output);
    }

    [Fact]
    public async Task Bare_force_runs_every_target_and_without_it_nothing_runs_again()
    {
        _root.Write("deps.txt", "numpy\n");
        _root.Write("src/main.py", "print('hi')\n");
        var (_, first) = await RunAsync("Compile");

        var (_, again) = await RunAsync("Compile");
        var (forcedRun, forced) = await RunAsync("Compile", "--force");

        Assert.Equal(["Restore", "Compile"], first.Ran);
        Assert.Equal([false], first.ForcedSeen);
        Assert.Empty(again.Ran);
        Assert.Equal(0, forcedRun.ExitCode);
        Assert.Equal(["Restore", "Compile"], forced.Ran);
    }

    [Theory]
    [InlineData("Compile", "--force", "Compiel")]
    [InlineData("--plan", "Compile", "--force", "Compiel")]
    public async Task An_unknown_name_is_one_error_line_with_the_closest_target(params string[] arguments)
    {
        var (run, build) = await RunAsync(arguments);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown target 'Compiel'. Did you mean Compile? Available targets: Restore, Compile", Assert.Single(run.Lines));
        Assert.Empty(build.Ran);
    }
}
