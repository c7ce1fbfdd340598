using System.Text;
using Google.Protobuf.WellKnownTypes;
using Serilog.Events;
using Slipway.Containers.Engine.BuildKit;

namespace Slipway.Containers.Engine;

public sealed partial class BuildProgress
{
    private void Apply(StatusResponse status)
    {
        foreach (var vertex in status.Vertexes)
            Apply(vertex);
        foreach (var output in status.Logs)
        {
            var step = StepFor(output.Vertex);
            foreach (var line in step.AddOutput(Encoding.UTF8.GetString(output.Msg.Span)))
                log.Debug("[step] #{Step} {Output}", step.Number, line);
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
        if (step.Error is { } error)
        {
            step.Finished = true;
            log.Write(IsCancellation(error) ? level : LogEventLevel.Error, "[step] #{Step} ERROR {Error}", step.Number, error);
        }
        else if (step.Cached)
        {
            step.Finished = true;
            log.Write(level, "[step] #{Step} CACHED", step.Number);
        }
        else if (step.Completed is not null)
        {
            step.Finished = true;
            log.Write(level, "[step] #{Step} DONE {Seconds:0.0}s", step.Number, step.Duration?.TotalSeconds ?? 0);
        }
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
