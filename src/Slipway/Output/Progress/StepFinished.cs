namespace Slipway.Output.Progress;

/// <summary>A step of an image build ended.</summary>
public sealed record StepFinished(string Build, string Step, StepOutcome Outcome) : ProgressEvent;
