namespace Slipway.Parameters;

/// <summary>The value never appears in any output: help, logs, summaries, plans, errors.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
