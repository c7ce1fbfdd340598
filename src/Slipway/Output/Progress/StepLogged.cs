namespace Slipway.Output.Progress;

/// <summary>A running step printed a line.</summary>
public sealed record StepLogged(string Build, string Step, string Line) : ProgressEvent;
