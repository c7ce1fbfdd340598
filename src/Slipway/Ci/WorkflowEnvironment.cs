using Slipway.Parameters;

namespace Slipway.Ci;

/// <summary>What reaches <c>./build.sh</c> through <c>env:</c>: imported secrets, dispatch inputs and set parameter values
/// under their parameter's environment variable, and <c>GITHUB_TOKEN</c>, with what a derived attribute adds to a step
/// (<see cref="Merge"/>). Names must be parameters of the build, so a typo fails generation instead of silently passing
/// nothing.</summary>
internal static class WorkflowEnvironment
{
    public static IReadOnlyList<WorkflowVariable> For(GitHubActionsAttribute attribute, IReadOnlyList<ParameterDeclaration> parameters)
    {
        var entries = new List<WorkflowVariable>();
        foreach (var name in attribute.ImportSecrets)
        {
            var parameter = Find(name, parameters, attribute.Name, nameof(GitHubActionsAttribute.ImportSecrets));
            entries.Add(new(parameter.EnvironmentVariable, $"${{{{ secrets.{parameter.EnvironmentVariable} }}}}", $"secret {name}"));
        }
        foreach (var name in attribute.WorkflowDispatchInputs)
        {
            var parameter = Find(name, parameters, attribute.Name, nameof(GitHubActionsAttribute.WorkflowDispatchInputs));
            entries.Add(new(parameter.EnvironmentVariable, $"${{{{ inputs.{InputId(parameter)} }}}}", $"input {name}"));
        }
        foreach (var assignment in attribute.ParameterValues)
        {
            var parts = assignment.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
                throw new SlipwayException($"workflow '{attribute.Name}': ParameterValues entry '{assignment}' is not Name=value");
            var parameter = Find(parts[0].Trim(), parameters, attribute.Name, nameof(GitHubActionsAttribute.ParameterValues));
            entries.Add(new(parameter.EnvironmentVariable, parts[1], $"value of {parameter.Name}"));
        }
        if (attribute.EnableGitHubToken)
            entries.Add(new("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}", nameof(GitHubActionsAttribute.EnableGitHubToken)));
        return Checked(attribute.Name, entries);
    }

    /// <summary>The workflow's own variables with those one step adds (<see cref="WorkflowContext.RunBuild(IReadOnlyList{string}, IEnumerable{string}, IEnumerable{WorkflowVariable})"/>):
    /// an added variable equal in name and value to one already there is written once; one name with two values fails
    /// naming both origins.</summary>
    public static IReadOnlyList<WorkflowVariable> Merge(string workflow, IReadOnlyList<WorkflowVariable> own, IEnumerable<WorkflowVariable> added) =>
        Checked(workflow, own.Concat(added).DistinctBy(variable => (variable.Name, variable.Value)));

    /// <summary>Ordered by name; a name set twice fails, naming what set it.</summary>
    private static IReadOnlyList<WorkflowVariable> Checked(string workflow, IEnumerable<WorkflowVariable> variables)
    {
        var all = variables.ToArray();
        if (all.GroupBy(variable => variable.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
            throw new SlipwayException(
                $"workflow '{workflow}': {string.Join(" and ", twice.Select(variable => variable.Origin))} both set {twice.Key}");
        return all.OrderBy(variable => variable.Name, StringComparer.Ordinal).ToArray();
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
