using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

/// <summary>The decoder fed with build output recorded from a real engine (Fixtures/record-build-streams.sh).</summary>
public sealed class BuildProgressTests
{
    private readonly LogCapture _log = new();

    private BuildProgress Replay(string recording)
    {
        var progress = new BuildProgress(_log.Logger);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded", recording + ".jsonl")))
            progress.Read(line);
        return progress;
    }

    [Fact]
    public void A_successful_buildkit_build_gives_the_image_id_and_no_failure()
    {
        var progress = Replay("buildkit-success");

        Assert.Equal("sha256:04fc36afb9eaf6987e48fa0758dfba221bd4d4f9f98891ba8128a0ae84c55403", progress.ImageId);
        Assert.Null(progress.Failure("test image"));
    }

    [Fact]
    public void Steps_are_numbered_in_order_and_logged_when_they_start_and_finish()
    {
        var progress = Replay("buildkit-success");

        var run = Assert.Single(progress.Steps, step => step.Name == "[2/3] RUN echo hello from run && echo second line");
        Assert.Equal("RUN echo hello from run && echo second line", run.Instruction);
        Assert.True(run.IsInstruction);
        Assert.False(run.Cached);
        Assert.NotNull(run.Duration);
        Assert.Equal(["hello from run", "second line"], run.LastLines);
        Assert.Equal(Enumerable.Range(1, progress.Steps.Count), progress.Steps.Select(step => step.Number));

        var lines = _log.Lines;
        var started = lines.ToList().IndexOf($"[step] #{run.Number} [2/3] RUN echo hello from run && echo second line");
        var output = lines.ToList().IndexOf($"[step] #{run.Number} hello from run");
        var done = lines.ToList().FindIndex(line => line.StartsWith($"[step] #{run.Number} DONE ") && line.EndsWith('s'));
        Assert.True(started >= 0 && started < output && output < done, string.Join('\n', lines));
    }

    [Fact]
    public void Output_written_to_stderr_is_kept_with_its_step()
    {
        var progress = Replay("buildkit-success");

        Assert.Equal(["stderr line"], Assert.Single(progress.Steps, step => step.Instruction == "RUN echo stderr line >&2").LastLines);
    }

    [Fact]
    public void A_rebuild_from_cache_reports_the_cached_steps()
    {
        var progress = Replay("buildkit-cached");

        var cached = progress.Steps.Where(step => step.Instruction.StartsWith("RUN ")).ToArray();
        Assert.Equal(2, cached.Length);
        Assert.All(cached, step => Assert.True(step.Cached));
        Assert.All(cached, step => Assert.Contains($"[step] #{step.Number} CACHED", _log.Lines));
        Assert.NotNull(progress.ImageId);
    }

    [Fact]
    public void A_failing_run_names_the_step_its_exit_code_and_its_last_lines()
    {
        var progress = Replay("buildkit-failure");

        var failure = progress.Failure("app:test");

        Assert.NotNull(failure);
        Assert.Null(progress.ImageId);
        Assert.Equal(
            "build of app:test failed at step `RUN echo preparing && echo step output line && echo about to fail >&2 && exit 3`: exit code 3\n" +
            "  last lines:\n  preparing\n  step output line\n  about to fail",
            failure.Message);
    }

    [Fact]
    public void A_dockerfile_error_before_any_step_is_reported_as_the_engine_says_it()
    {
        var failure = Replay("buildkit-parse-error").Failure("app:test");

        Assert.NotNull(failure);
        Assert.StartsWith("build of app:test failed: ", failure.Message);
        Assert.EndsWith("dockerfile parse error line 2: unknown instruction: NOTANINSTRUCTION", failure.Message);
    }

    [Fact]
    public void The_classic_builder_output_is_understood_too()
    {
        var progress = Replay("classic-failure");

        var failure = progress.Failure("app:test");

        Assert.NotNull(failure);
        Assert.Equal(
            "build of app:test failed at step `RUN echo preparing && echo step output line && echo about to fail >&2 && exit 3`: exit code 3\n" +
            "  last lines:\n  about to fail\n  preparing\n  step output line",
            failure.Message);
        Assert.Contains("[step] Step 2/2 : RUN echo preparing && echo step output line && echo about to fail >&2 && exit 3", _log.Lines);
    }

    [Fact]
    public void A_classic_image_id_line_is_taken_as_the_result()
    {
        var progress = new BuildProgress(_log.Logger);

        progress.Read("""{"stream":"Step 1/1 : FROM scratch\n"}""");
        progress.Read("""{"aux":{"ID":"sha256:0123"}}{"stream":"Successfully built 0123\n"}""");

        Assert.Equal("sha256:0123", progress.ImageId);
        Assert.Null(progress.Failure("x"));
    }

    [Fact]
    public void A_stream_that_ends_without_an_image_id_is_a_failure()
    {
        var progress = new BuildProgress(_log.Logger);

        progress.Read("""{"stream":"Step 1/1 : FROM scratch\n"}""");

        Assert.Equal("build of x ended without an image ID: the engine's output stopped early", progress.Failure("x")?.Message);
    }

    [Fact]
    public void Unreadable_lines_are_logged_and_skipped()
    {
        var progress = new BuildProgress(_log.Logger);

        progress.Read("not json at all");

        Assert.Contains("[build] unreadable engine output: not json at all", _log.Lines);
    }

    [Fact]
    public void Only_the_last_twenty_lines_of_a_step_are_kept_and_a_carriage_return_redraws_the_line()
    {
        var buildStep = new BuildStep(1, "sha256:x");

        foreach (var number in Enumerable.Range(1, 25))
            buildStep.AddOutput($"line {number}\n");
        buildStep.AddOutput("progress 10%\rprogress 50%\rprogress 100%\r\n");
        buildStep.AddOutput("unfinished");

        Assert.Equal(BuildStep.KeptLines, buildStep.LastLines.Count);
        Assert.Equal("progress 100%", buildStep.LastLines[^2]);
        Assert.Equal("unfinished", buildStep.LastLines[^1]);
        Assert.Equal("line 8", buildStep.LastLines[0]);
    }
}
