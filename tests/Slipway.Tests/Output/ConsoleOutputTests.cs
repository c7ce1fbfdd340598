using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

public sealed class ConsoleOutputTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Log_lines_have_a_timestamp_and_level_and_no_colour_when_redirected()
    {
        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["--no-logo"], b => b.Work);

        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^\[\d\d:\d\d:\d\d INF\] working on voice$"));
        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^\[\d\d:\d\d:\d\d WRN\] cache is cold$"));
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public async Task Colour_is_used_on_a_terminal()
    {
        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["--no-logo"], b => b.Work, terminal: true);

        Assert.Contains("\u001b[", run.Output);
    }

    [Fact]
    public async Task Each_target_gets_a_header_and_the_run_ends_with_recap_summary_and_outcome()
    {
        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["--no-logo"], b => b.Work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("── Prepare ──"));
        Assert.Contains(run.Lines, line => line.StartsWith("── Work ──"));
        Assert.Contains("1 warning and 0 errors:", run.Output);
        Assert.Contains("  WRN Work: cache is cold", run.Lines);
        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^Target\s+Status\s+Duration\s+Note$"));
        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^Prepare\s+Succeeded\s+\d+\.\ds\s+ready$"));
        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^Total\s+\d+\.\ds$"));
        Assert.Matches(@"^Build succeeded in \d+\.\ds$", run.Lines[^1]);
    }

    [Fact]
    public async Task A_failed_target_fails_the_build_with_exit_code_1()
    {
        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["Broken", "--no-logo"], b => b.Work);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, line => Regex.IsMatch(line, @"^Broken\s+Failed\s+\d+\.\ds\s+the disk is full$"));
        Assert.Matches(@"^Build failed in \d+\.\ds$", run.Lines[^1]);
    }

    [Fact]
    public async Task On_GitHub_Actions_targets_are_groups_and_warnings_are_annotations()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };

        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["--no-logo"], b => b.Work, environment);

        Assert.Equal(["::group::Prepare", "::endgroup::", "::group::Work", "::endgroup::"],
            run.Lines.Where(line => line.StartsWith("::group::") || line == "::endgroup::"));
        Assert.Contains("::warning title=Work::cache is cold", run.Lines);
    }

    [Fact]
    public async Task Quiet_prints_errors_and_the_outcome_line_only()
    {
        var run = await BuildRun.RunAsync<NoisyBuild>(_root, ["--verbosity", "quiet"], b => b.Work);

        Assert.Matches(@"^Build succeeded in \d+\.\ds$", Assert.Single(run.Lines, line => line.Length > 0));
    }

    [Fact]
    public async Task The_run_is_logged_as_compact_json()
    {
        await BuildRun.RunAsync<NoisyBuild>(_root, [], b => b.Work);

        var events = File.ReadAllLines(_root.Path / ".nuke" / "temp" / "build.log").Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _)));
        var warning = Assert.Single(events, e => e.TryGetProperty("@l", out var level) && level.GetString() == "Warning");
        Assert.Equal("cache is cold", warning.GetProperty("@mt").GetString());
        Assert.Equal("Work", warning.GetProperty("Target").GetString());
        Assert.Contains(events, e => e.GetProperty("@mt").GetString() == "Build {Outcome} in {Duration}");
    }

    public sealed class NoisyBuild : SlipwayBuild
    {
        Target Prepare => _ => _.Executes(() => Note("ready"));

        public Target Work => _ => _
            .DependsOn(Prepare)
            .Executes(() =>
            {
                Log.Information("working on {Service}", "voice");
                Log.Warning("cache is cold");
            });

        Target Broken => _ => _.Executes(() => throw new SlipwayException("the disk is full"));
    }
}
