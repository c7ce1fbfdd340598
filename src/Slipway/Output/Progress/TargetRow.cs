namespace Slipway.Output.Progress;

/// <summary>The target that is running.</summary>
internal sealed record TargetRow(string Name, DateTimeOffset Started);
