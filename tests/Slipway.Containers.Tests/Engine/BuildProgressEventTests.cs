using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;
using Slipway.Output.Progress;

namespace Slipway.Containers.Tests.Engine;

/// <summary>What the decoder reports to the live view, from build output recorded from a real engine.</summary>
public sealed class BuildProgressEventTests
{
    private readonly LogCapture _log = new();
    private readonly RecordingProgress _events = new();

    private BuildProgress Replay(string recording, bool emulated)
    {
        var progress = new BuildProgress(_log.Logger, _events, "builder linux/arm64", emulated);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded", recording + ".jsonl")))
            progress.Read(line);
        return progress;
    }

    [Fact]
    public void Each_step_that_runs_is_reported_started_with_its_output_and_finished_and_the_build_finished_last()
    {
        var progress = Replay("buildkit-success", emulated: false);
        progress.Failure("test image");

        var run = Assert.Single(_events.Events.OfType<StepStarted>(), started => started.Name == "RUN echo hello from run && echo second line");
        Assert.Equal("builder linux/arm64", run.Build);
        Assert.False(run.Emulated);
        Assert.Equal(["hello from run", "second line"],
            _events.Events.OfType<StepLogged>().Where(logged => logged.Step == run.Step).Select(logged => logged.Line));
        Assert.Contains(new StepFinished("builder linux/arm64", run.Step, StepOutcome.Done), _events.Events);
        Assert.Equal(
            _events.Events.OfType<StepStarted>().Select(started => started.Step).Order(),
            _events.Events.OfType<StepFinished>().Select(finished => finished.Step).Order());
        Assert.Equal(new BuildFinished("builder linux/arm64"), _events.Events[^1]);
    }

    [Fact]
    public void Instructions_of_a_foreign_platform_are_marked_emulated_and_BuildKits_own_work_is_not()
    {
        Replay("buildkit-success", emulated: true).Failure("test image");

        var started = _events.Events.OfType<StepStarted>().ToArray();
        Assert.Contains(started, step => step.Name.StartsWith("RUN ", StringComparison.Ordinal) && step.Emulated);
        Assert.All(started.Where(step => step.Name.StartsWith("[internal]", StringComparison.Ordinal)), step => Assert.False(step.Emulated));
    }

    [Fact]
    public void A_failing_step_is_reported_failed()
    {
        Replay("buildkit-failure", emulated: false).Failure("test image");

        Assert.Contains(_events.Events.OfType<StepFinished>(), finished => finished.Outcome == StepOutcome.Failed);
        Assert.Equal(new BuildFinished("builder linux/arm64"), _events.Events[^1]);
    }

    [Fact]
    public void Cached_steps_are_not_reported_as_running()
    {
        Replay("buildkit-cached", emulated: false).Failure("test image");

        Assert.DoesNotContain(_events.Events.OfType<StepStarted>(), started => started.Name.StartsWith("RUN ", StringComparison.Ordinal));
    }
}
