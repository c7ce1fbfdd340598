namespace Slipway.Output.Progress;

/// <summary>A push ended (pushed, failed or cancelled).</summary>
public sealed record PushFinished(string Push) : ProgressEvent;
