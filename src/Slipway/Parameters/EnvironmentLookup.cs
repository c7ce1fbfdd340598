namespace Slipway.Parameters;

/// <summary>Environment variables by parameter name: <c>SLIPWAY_MY_PARAM</c> wins over <c>MY_PARAM</c>; case and
/// underscores do not matter. An empty variable counts as unset (CI sets missing secrets and inputs to "").</summary>
internal sealed class EnvironmentLookup
{
    private readonly Dictionary<string, Variable> _prefixed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Variable> _plain = new(StringComparer.Ordinal);

    public sealed record Variable(string Name, string Value);

    public static EnvironmentLookup Create(IReadOnlyDictionary<string, string> environment)
    {
        var lookup = new EnvironmentLookup();
        foreach (var (name, value) in environment.Where(pair => pair.Value.Length > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith(ParameterName.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                lookup._prefixed.TryAdd(ParameterName.Normalise(name[ParameterName.EnvironmentPrefix.Length..]), new Variable(name, value));
            lookup._plain.TryAdd(ParameterName.Normalise(name), new Variable(name, value));
        }
        return lookup;
    }

    public Variable? Find(string parameterName)
    {
        var key = ParameterName.Normalise(parameterName);
        return _prefixed.GetValueOrDefault(key) ?? _plain.GetValueOrDefault(key);
    }

    /// <summary>Whether <see cref="Find"/> may give <paramref name="parameterName"/> the variable
    /// <paramref name="variable"/>: <c>REGISTRY_TOKEN</c>, <c>registrytoken</c> or <c>SLIPWAY_REGISTRY_TOKEN</c> for
    /// <c>RegistryToken</c>.</summary>
    public static bool Reads(string parameterName, string variable) =>
        ParameterName.Equal(parameterName, variable)
        || (variable.StartsWith(ParameterName.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
            && ParameterName.Equal(parameterName, variable[ParameterName.EnvironmentPrefix.Length..]));
}
