namespace Slipway.Parameters;

/// <summary>
/// A build input a user sets with <c>--name value</c>, an environment variable or <c>.nuke/parameters.json</c>.
/// On a build class field or property the engine assigns the resolved value; on a component interface property the
/// getter reads it with <c>ParameterValue(nameof(Property), fallback)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description = "") : Attribute
{
    public string Description { get; } = description;

    /// <summary>The parameter's name on the command line, when it is not the member's name.</summary>
    public string? Name { get; init; }

    /// <summary>For arrays: the separator a single value from the environment or a file is split on (default: space or comma).</summary>
    public char[]? Separators { get; init; }
}
