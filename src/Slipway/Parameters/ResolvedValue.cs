namespace Slipway.Parameters;

/// <summary>A parameter's value and the source that set it (<c>--registry</c>, <c>environment variable REGISTRY</c>,
/// <c>.nuke/parameters.ci.json:3</c>).</summary>
internal sealed record ResolvedValue(object? Value, string Origin);
