using Slipway.Execution;
using Slipway.Output;

namespace Slipway.Tests.Support;

/// <summary>Records what the executor reports, in order.</summary>
internal sealed class RecordingOutput : IBuildOutput
{
    public List<string> Events { get; } = [];

    public Slipway.Output.Progress.IProgressReporter Progress { get; } = Slipway.Output.Progress.ProgressReporter.None;

    public void TargetStarted(string name) => Events.Add($"start {name}");

    public void TargetFinished(TargetResult result) => Events.Add($"finish {result.Name} {result.Status}");

    public void Summary(BuildResult result, TimeSpan total) => Events.Add("summary");
}
