namespace Slipway.Output.Progress;

/// <summary>Reporters for code that runs outside a build (tests, tools).</summary>
public static class ProgressReporter
{
    /// <summary>Drops every event.</summary>
    public static IProgressReporter None { get; } = new Nothing();

    private sealed class Nothing : IProgressReporter
    {
        public void Report(ProgressEvent progress)
        {
        }
    }
}
