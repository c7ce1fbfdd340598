namespace Slipway.Output.Progress;

/// <summary>An image build ended (built, failed or cancelled): none of its steps runs any more.</summary>
public sealed record BuildFinished(string Build) : ProgressEvent;
