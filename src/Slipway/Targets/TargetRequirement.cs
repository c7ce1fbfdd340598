namespace Slipway.Targets;

/// <summary>Something a target requires before the build starts: a parameter with a value, or a condition.</summary>
internal sealed record TargetRequirement(Func<bool> IsMet, string Text, bool IsParameter);
