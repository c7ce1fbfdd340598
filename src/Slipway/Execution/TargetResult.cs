namespace Slipway.Execution;

/// <summary>One row of the summary: what happened to a target, how long it took, and why (skip reason or note).</summary>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Note);
