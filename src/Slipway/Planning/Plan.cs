namespace Slipway.Planning;

/// <summary>The targets of one run in execution order.</summary>
internal sealed record Plan(IReadOnlyList<PlannedTarget> Steps);
