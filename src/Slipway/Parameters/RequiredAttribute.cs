namespace Slipway.Parameters;

/// <summary>The build does not start without a value for this parameter.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
