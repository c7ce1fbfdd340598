namespace Slipway.Parameters;

/// <summary>Every declared parameter and, for those some source set, the value that won.</summary>
internal sealed class ResolvedParameters(
    IReadOnlyList<ParameterDeclaration> declarations, IReadOnlyDictionary<ParameterDeclaration, ResolvedValue> values)
{
    public static ResolvedParameters Empty { get; } = new([], new Dictionary<ParameterDeclaration, ResolvedValue>());

    public IReadOnlyList<ParameterDeclaration> Declarations { get; } = declarations;

    public ResolvedValue? this[ParameterDeclaration declaration] => values.GetValueOrDefault(declaration);

    /// <summary>What <see cref="Execution.RunState.ParameterValues"/> holds: values by member name, only those set.</summary>
    public IReadOnlyDictionary<string, object?> ByMemberName =>
        values.ToDictionary(pair => pair.Key.MemberName, pair => pair.Value.Value, StringComparer.Ordinal);

    /// <summary>Which source set each of those values (<c>--registry</c>, <c>.nuke/parameters.json:3</c>), by member name.</summary>
    public IReadOnlyDictionary<string, string> OriginsByMemberName =>
        values.ToDictionary(pair => pair.Key.MemberName, pair => pair.Value.Origin, StringComparer.Ordinal);
}
