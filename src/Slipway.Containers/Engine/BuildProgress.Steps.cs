using System.Text;
using Google.Protobuf.WellKnownTypes;
using Serilog.Events;
using Slipway.Containers.Engine.BuildKit;
using Slipway.Output.Progress;

namespace Slipway.Containers.Engine;

public sealed partial class BuildProgress
{
    private readonly IProgressReporter _progress = progress ?? ProgressReporter.None;
    private readonly HashSet<BuildStep> _running = [];

    private void Apply(StatusResponse status)
    {
        foreach (var vertex in status.Vertexes)
            Apply(vertex);
        foreach (var output in status.Logs)
        {
            var step = StepFor(output.Vertex);
            foreach (var line in step.AddOutput(Encoding.UTF8.GetString(output.Msg.Span)))
            {
                log.Debug("[step] #{Step} {Output}", step.Number, line);
                if (_running.Contains(step))
                    _progress.Report(new StepLogged(build, "#" + step.Number, line));
            }
        }
        foreach (var warning in status.Warnings)
            log.Warning("[step] #{Step} WARNING {Warning}", StepFor(warning.Vertex).Number, warning.Short.ToStringUtf8());
        foreach (var subtask in status.Statuses.Where(subtask => subtask.Completed is not null))
            log.Debug("[step] #{Step} {Task} done", StepFor(subtask.Vertex).Number, subtask.ID);
    }

    private void Apply(Vertex vertex)
    {
        var step = StepFor(vertex.Digest);
        if (vertex.Name.Length > 0)
            step.Name = vertex.Name;
        step.Cached |= vertex.Cached;
        step.Started = Time(vertex.Started) ?? step.Started;
        step.Completed = Time(vertex.Completed) ?? step.Completed;
        if (vertex.Error.Length > 0)
            step.Error = vertex.Error;
        // Instructions are the build's story; BuildKit's own bookkeeping shows with verbose output.
        var level = step.IsInstruction ? LogEventLevel.Information : LogEventLevel.Debug;
        if (!step.Announced && (step.Started is not null || step.Cached))
        {
            step.Announced = true;
            log.Write(level, "[step] #{Step} {Name}", step.Number, step.Name);
        }
        if (step.Finished)
            return;
        if (step.Started is not null && !step.Cached && _running.Add(step))
            _progress.Report(new StepStarted(build, "#" + step.Number, step.Instruction, emulated && step.IsInstruction));
        if (step.Error is { } error)
        {
            step.Finished = true;
            log.Write(IsCancellation(error) ? level : LogEventLevel.Error, "[step] #{Step} ERROR {Error}", step.Number, error);
            StepEnded(step, StepOutcome.Failed);
        }
        else if (step.Cached)
        {
            step.Finished = true;
            log.Write(level, "[step] #{Step} CACHED", step.Number);
            StepEnded(step, StepOutcome.Cached);
        }
        else if (step.Completed is not null)
        {
            step.Finished = true;
            log.Write(level, "[step] #{Step} DONE {Seconds:0.0}s", step.Number, step.Duration?.TotalSeconds ?? 0);
            StepEnded(step, StepOutcome.Done);
        }
    }

    private void StepEnded(BuildStep step, StepOutcome outcome)
    {
        if (_running.Remove(step))
            _progress.Report(new StepFinished(build, "#" + step.Number, outcome));
    }

    /// <summary>The engine's output has ended: steps it left open end with it, and so does the build.</summary>
    private void BuildEnded()
    {
        foreach (var step in _running.ToArray())
            StepEnded(step, step.Error is null ? StepOutcome.Done : StepOutcome.Failed);
        _progress.Report(new BuildFinished(build));
    }

    private BuildStep StepFor(string digest)
    {
        if (_stepsByDigest.TryGetValue(digest, out var step))
            return step;
        step = new BuildStep(_steps.Count + 1, digest);
        _stepsByDigest.Add(digest, step);
        _steps.Add(step);
        return step;
    }

    private static DateTimeOffset? Time(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();

    /// <summary>Steps of other stages are cancelled when one fails: their error is not the cause.</summary>
    private static bool IsCancellation(string error) =>
        error.Contains("context canceled", StringComparison.OrdinalIgnoreCase);
}
