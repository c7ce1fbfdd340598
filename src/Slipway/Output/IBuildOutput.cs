using Slipway.Execution;
using Slipway.Output.Progress;

namespace Slipway.Output;

/// <summary>The run's output beyond log lines: target headers (groups on GitHub Actions) and the closing summary.</summary>
internal interface IBuildOutput
{
    /// <summary>Where the running target's workers report progress (image build steps, pushed bytes).</summary>
    IProgressReporter Progress { get; }

    void TargetStarted(string name);

    void TargetFinished(TargetResult result);

    /// <summary>Warnings and errors again, the summary table, the total and the outcome line.</summary>
    void Summary(BuildResult result, TimeSpan total);
}
