using Slipway.Execution;
using Slipway.Planning;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Execution;

public sealed class ExecutorTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    private sealed class FailingBuild : SlipwayBuild
    {
        public List<string> Ran { get; } = [];
        public bool Tolerant { get; init; }
        public bool Ready { get; init; } = true;
        Target Prepare => _ => _.Executes(() => Ran.Add("Prepare"));
        Target Break => _ => _.DependsOn(Prepare).OnlyWhenDynamic(() => Ready)
            .When(Tolerant, d => d.ProceedAfterFailure())
            .Executes(() => throw new SlipwayException("the step broke"));
        Target Later => _ => _.After(Break).Executes(() => Ran.Add("Later"));
        Target AfterBroken => _ => _.DependsOn(Break).Executes(() => Ran.Add("AfterBroken"));
        Target Cleanup => _ => _.After(Later, AfterBroken).AssuredAfterFailure().Executes(() => Ran.Add("Cleanup"));
    }

    private sealed class RequiringBuild : SlipwayBuild
    {
        public List<string> Ran { get; } = [];
        public string? Registry { get; init; }
        Target First => _ => _.Executes(() => Ran.Add("First"));
        Target Push => _ => _.DependsOn(First).Requires(() => Registry).Executes(() => Ran.Add("Push"));
    }

    private sealed class SlowBuild : SlipwayBuild
    {
        public List<string> Ran { get; } = [];
        public TaskCompletionSource Started { get; } = new();
        Target Wait => _ => _.Executes(async token =>
        {
            Started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), token);
        });
        Target Next => _ => _.DependsOn(Wait).Executes(() => Ran.Add("Next"));
        Target Cleanup => _ => _.After(Next).AssuredAfterFailure().Executes(() => Ran.Add("Cleanup"));
    }

    private sealed class NotingBuild : SlipwayBuild
    {
        Target Group => _ => _.DependsOn(Work);
        Target Work => _ => _.Executes(() => Note("did the work"));
    }

    [Fact]
    public async Task A_failure_stops_the_build_but_assured_targets_still_run()
    {
        var build = new FailingBuild();

        var result = await _harness.RunAsync(build, "Later", "Break", "Cleanup");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Prepare", "Cleanup"], build.Ran);
        Assert.Equal(TargetStatus.Failed, result["Break"]!.Status);
        Assert.Equal("the step broke", result["Break"]!.Note);
        Assert.Equal(TargetStatus.NotRun, result["Later"]!.Status);
        Assert.Contains("Target Break failed: the step broke", _harness.LogText);
    }

    [Fact]
    public async Task Proceed_after_failure_lets_the_others_run_but_not_its_dependants()
    {
        var build = new FailingBuild { Tolerant = true };

        var result = await _harness.RunAsync(build, "Later", "AfterBroken", "Cleanup");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Prepare", "Later", "Cleanup"], build.Ran);
        Assert.Equal(TargetStatus.NotRun, result["AfterBroken"]!.Status);
        Assert.Equal("dependency Break did not succeed", result["AfterBroken"]!.Note);
    }

    [Fact]
    public async Task A_false_dynamic_condition_skips_just_before_the_target_with_its_text()
    {
        var build = new FailingBuild { Ready = false };

        var result = await _harness.RunAsync(build, "Break");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Prepare"], build.Ran);
        Assert.Equal(TargetStatus.Skipped, result["Break"]!.Status);
        Assert.Equal("condition false: Ready", result["Break"]!.Note);
    }

    [Fact]
    public async Task Unmet_requirements_fail_before_anything_runs()
    {
        var build = new RequiringBuild();

        var error = await Assert.ThrowsAsync<SlipwayException>(() => _harness.RunAsync(build, "Push"));

        Assert.Equal("target Push requires parameter Registry", error.Message);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Cancellation_stops_the_running_target_and_still_runs_assured_targets()
    {
        var build = new SlowBuild();
        using var cancellation = new CancellationTokenSource();

        var run = _harness.RunAsync(build, SkipRequest.None, cancellation.Token, "Next", "Cleanup");
        await build.Started.Task;
        await cancellation.CancelAsync();
        var result = await run;

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(TargetStatus.Cancelled, result["Wait"]!.Status);
        Assert.Equal(TargetStatus.NotRun, result["Next"]!.Status);
        Assert.Equal(["Cleanup"], build.Ran);
    }

    [Fact]
    public async Task A_group_runs_its_dependencies_and_notes_reach_the_summary()
    {
        var result = await _harness.RunAsync(new NotingBuild(), "Group");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("did the work", result["Work"]!.Note);
        Assert.Equal(TargetStatus.Succeeded, result["Group"]!.Status);
        Assert.Equal(["start Work", "finish Work Succeeded", "start Group", "finish Group Succeeded"], _harness.Output.Events);
    }

    public void Dispose() => _harness.Dispose();
}
