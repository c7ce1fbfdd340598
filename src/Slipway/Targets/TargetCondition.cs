namespace Slipway.Targets;

/// <summary>A condition with the text a user reads when it is false (the expression as written).</summary>
internal sealed record TargetCondition(Func<bool> Evaluate, string Text);
