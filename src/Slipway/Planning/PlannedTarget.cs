using Slipway.Targets;

namespace Slipway.Planning;

/// <summary>A target in the plan, why it is there (invoked, dependency of X, triggered by Y), and why it will be skipped, if it will.</summary>
internal sealed record PlannedTarget(ExecutableTarget Target, string Reason, string? SkipReason);
