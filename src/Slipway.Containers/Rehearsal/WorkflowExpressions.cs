using System.Text.RegularExpressions;

namespace Slipway.Containers.Rehearsal;

/// <summary>The <c>${{ ... }}</c> expressions of one job run, for the contexts the generated workflows use:
/// <c>matrix.*</c>, <c>secrets.*</c>, <c>github.*</c>, <c>runner.*</c>. A name outside them, or any other expression
/// (functions, operators), fails the rehearsal naming it instead of turning into an empty string as GitHub would.</summary>
internal sealed partial class WorkflowExpressions(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> contexts)
{
    public string Substitute(string text) => Expression().Replace(text, match =>
    {
        var expression = match.Groups[1].Value.Trim();
        var parts = expression.Split('.', 2);
        if (parts.Length == 2 && contexts.TryGetValue(parts[0], out var context) && Name().IsMatch(parts[1]))
            return context.TryGetValue(parts[1], out var value)
                ? value
                : throw new SlipwayException($"the rehearsal has no value for ${{{{ {expression} }}}}");
        throw new SlipwayException($"the rehearsal cannot evaluate ${{{{ {expression} }}}}");
    });

    public IReadOnlyDictionary<string, string> Substitute(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(pair => pair.Key, pair => Substitute(pair.Value));

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Name();
}
