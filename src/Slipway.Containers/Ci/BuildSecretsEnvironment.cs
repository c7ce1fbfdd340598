using System.Text.RegularExpressions;
using Slipway.Ci;

namespace Slipway.Containers.Ci;

/// <summary>The variables that hand repository secrets to the image builds of a job as build secrets: for
/// <c>BuildSecrets = ["pip=PIP_INDEX_TOKEN"]</c>, <c>PIP_INDEX_TOKEN: ${{ secrets.PIP_INDEX_TOKEN }}</c> and
/// <c>BUILD_SECRETS: id=pip,env=PIP_INDEX_TOKEN</c>, which the build reads as <c>--build-secrets</c>. Only names are
/// written; GitHub fills in the value at run time. A mistake fails generation with one line naming the workflow and
/// the entry.</summary>
internal static partial class BuildSecretsEnvironment
{
    /// <summary>The environment variable of the BuildSecrets parameter (<c>IHazBuildSecrets</c>).</summary>
    public const string Variable = "BUILD_SECRETS";

    private const string Property = nameof(GitHubActionsImagesAttribute.BuildSecrets);

    public static IReadOnlyList<WorkflowVariable> For(IReadOnlyList<string> entries, WorkflowContext workflow)
    {
        if (entries.Count == 0)
            return [];
        if (workflow.ParameterReading(Variable) is null)
            throw new SlipwayException(
                $"workflow '{workflow.Name}': {Property} needs the build's BuildSecrets parameter: implement IHazBuildSecrets (IRestore includes it)");
        var secrets = entries.Select(entry => Parse(entry, workflow)).ToArray();
        if (secrets.GroupBy(secret => secret.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
            throw new SlipwayException(
                $"workflow '{workflow.Name}': {Property} entries '{string.Join("' and '", twice.Select(secret => secret.Entry))}' give the id '{twice.Key}' twice");
        return
        [
            .. secrets.Select(secret => new WorkflowVariable(secret.Name, Expression(secret.Name), $"{Property} entry '{secret.Entry}'")),
            new WorkflowVariable(Variable, string.Join(" ", secrets.Select(secret => $"id={secret.Id},env={secret.Name}")), Property),
        ];
    }

    private static (string Entry, string Id, string Name) Parse(string entry, WorkflowContext workflow)
    {
        var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw Invalid(workflow, entry, "is not id=SECRET");
        var (id, name) = (parts[0], parts[1]);
        if (!Id().IsMatch(id))
            throw Invalid(workflow, entry, $"has the id '{id}', which is not letters, digits, '.', '_', '-' and '/'");
        if (!SecretName().IsMatch(name))
            throw Invalid(workflow, entry, $"names '{name}', which cannot be a repository secret (letters, digits and '_', not starting with a digit)");
        if (name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) && !name.Equals("GITHUB_TOKEN", StringComparison.OrdinalIgnoreCase))
            throw Invalid(workflow, entry, $"names '{name}', which cannot be a repository secret (GITHUB_ starts only GITHUB_TOKEN)");
        // The secret reaches the build under its own name; a parameter reading that variable would get the value too.
        if (workflow.ParameterReading(name) is { } parameter
            && !workflow.Environment.Any(variable => variable.Name == name && variable.Value == Expression(name)))
            throw new SlipwayException(
                $"workflow '{workflow.Name}': {Property} entry '{entry}': the build reads {name} as its parameter {parameter} too; " +
                $"name the repository secret differently, or add ImportSecrets = [\"{parameter}\"] if that parameter should have it");
        return (entry, id, name);
    }

    private static string Expression(string secret) => $"${{{{ secrets.{secret} }}}}";

    private static SlipwayException Invalid(WorkflowContext workflow, string entry, string why) =>
        new($"workflow '{workflow.Name}': {Property} entry '{entry}' {why}; expected id=SECRET, e.g. pip=PIP_INDEX_TOKEN");

    /// <summary>An id <c>RUN --mount=type=secret,id=...</c> can name and <c>--build-secrets</c> can carry (no ',', '=' or space).</summary>
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._/-]*$")]
    private static partial Regex Id();

    /// <summary>GitHub's rule for secret names: letters, digits and underscores, not starting with a digit.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretName();
}
