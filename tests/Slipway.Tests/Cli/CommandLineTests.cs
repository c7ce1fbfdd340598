using Slipway.Cli;
using Slipway.Output;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Words_before_options_and_after_switches_are_targets()
    {
        var commandLine = CommandLineParser.Parse(["Compile", "--plan", "Push", "--target", "Test", "--registry", "ghcr.io/acme"]);

        Assert.Equal(["Compile", "Push", "Test"], commandLine.Targets);
        Assert.True(commandLine.Plan);
        var parameter = Assert.Single(commandLine.Parameters);
        Assert.Equal("registry", parameter.Name);
        Assert.Equal(["ghcr.io/acme"], parameter.Values);
    }

    [Fact]
    public void Skip_alone_skips_all_but_the_invoked_targets_and_skip_with_names_skips_those()
    {
        Assert.True(CommandLineParser.Parse(["Test", "--skip"]).Skip.AllButInvoked);
        var named = CommandLineParser.Parse(["Test", "--skip", "Restore", "Compile"]).Skip;
        Assert.False(named.AllButInvoked);
        Assert.Equal(["Restore", "Compile"], named.Names);
        Assert.Empty(CommandLineParser.Parse(["Test"]).Skip.Names);
    }

    [Fact]
    public void Options_ignore_case_and_take_inline_values()
    {
        var commandLine = CommandLineParser.Parse(["--Verbosity=Quiet", "--NO-LOGO", "--root", "..", "--count=-1"]);

        Assert.Equal(Verbosity.Quiet, commandLine.Verbosity);
        Assert.True(commandLine.NoLogo);
        Assert.Equal("..", commandLine.Root);
        Assert.Equal(["-1"], Assert.Single(commandLine.Parameters).Values);
    }

    [Fact]
    public async Task The_default_target_runs_when_none_is_named()
    {
        var build = new SampleBuild();

        var run = await BuildRun.RunAsync<SampleBuild>(_root, [], b => b.Test, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Targets_and_options_can_come_from_a_parameters_file()
    {
        _root.Write(".nuke/parameters.json", """{ "Target": "Compile", "Skip": ["Restore"], "NoLogo": true, "Verbosity": "minimal" }""");
        var build = new SampleBuild();

        var run = await BuildRun.RunAsync<SampleBuild>(_root, [], b => b.Test, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile"], build.Ran);
        Assert.DoesNotContain("Slipway ·", run.Output);
    }

    [Fact]
    public async Task The_root_option_points_at_another_directory()
    {
        using var other = new TempRoot();
        other.Write(".nuke/parameters.json", """{ "Retries": 9 }""");
        var build = new SampleBuild();

        await BuildRun.RunAsync<SampleBuild>(_root, ["Restore", "--root", other.Path], b => b.Test, build: build);

        Assert.Equal(9, build.Retries);
        Assert.Equal(other.Path, build.RootDirectory);
    }
}
