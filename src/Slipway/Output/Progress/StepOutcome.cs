namespace Slipway.Output.Progress;

/// <summary>How a build step ended.</summary>
public enum StepOutcome
{
    Done,
    Cached,
    Failed,
}
