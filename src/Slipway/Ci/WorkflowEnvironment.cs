using Slipway.Parameters;

namespace Slipway.Ci;

/// <summary>What reaches <c>./build.sh</c> through <c>env:</c>: imported secrets, dispatch inputs and set parameter values
/// under their parameter's environment variable, and <c>GITHUB_TOKEN</c>. Names must be parameters of the build, so a typo fails
/// generation instead of silently passing nothing.</summary>
internal static class WorkflowEnvironment
{
    public static IReadOnlyList<(string Name, string Value)> For(GitHubActionsAttribute attribute, IReadOnlyList<ParameterDeclaration> parameters)
    {
        var entries = new List<(string Name, string Value, string Origin)>();
        foreach (var name in attribute.ImportSecrets)
        {
            var parameter = Find(name, parameters, attribute.Name, nameof(GitHubActionsAttribute.ImportSecrets));
            entries.Add((parameter.EnvironmentVariable, $"${{{{ secrets.{parameter.EnvironmentVariable} }}}}", $"secret {name}"));
        }
        foreach (var name in attribute.WorkflowDispatchInputs)
        {
            var parameter = Find(name, parameters, attribute.Name, nameof(GitHubActionsAttribute.WorkflowDispatchInputs));
            entries.Add((parameter.EnvironmentVariable, $"${{{{ inputs.{InputId(parameter)} }}}}", $"input {name}"));
        }
        foreach (var assignment in attribute.ParameterValues)
        {
            var parts = assignment.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
                throw new SlipwayException($"workflow '{attribute.Name}': ParameterValues entry '{assignment}' is not Name=value");
            var parameter = Find(parts[0].Trim(), parameters, attribute.Name, nameof(GitHubActionsAttribute.ParameterValues));
            entries.Add((parameter.EnvironmentVariable, parts[1], $"value of {parameter.Name}"));
        }
        if (attribute.EnableGitHubToken)
            entries.Add(("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}", nameof(GitHubActionsAttribute.EnableGitHubToken)));
        if (entries.GroupBy(entry => entry.Name).FirstOrDefault(group => group.Count() > 1) is { } twice)
            throw new SlipwayException(
                $"workflow '{attribute.Name}': {string.Join(" and ", twice.Select(entry => entry.Origin))} both set {twice.Key}");
        return entries.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => (entry.Name, entry.Value)).ToArray();
    }

    /// <summary>The id of a dispatch input: the parameter's dashed name, as on the command line.</summary>
    public static string InputId(ParameterDeclaration parameter) => ParameterName.Dashed(parameter.Name);

    public static ParameterDeclaration Find(string name, IReadOnlyList<ParameterDeclaration> parameters, string workflow, string property)
    {
        var found = parameters.FirstOrDefault(parameter => ParameterName.Equal(parameter.Name, name));
        if (found is not null)
            return found;
        var closest = ParameterName.Closest(name, parameters.Select(parameter => parameter.Name));
        throw new SlipwayException(
            $"workflow '{workflow}': {property} names '{name}', which is not a parameter of the build" +
            (closest is null ? "" : $"; did you mean '{closest}'?"));
    }
}
