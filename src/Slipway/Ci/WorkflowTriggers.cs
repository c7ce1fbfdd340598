using Slipway.Parameters;
using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>The <c>on:</c> mapping: push and pull request filters (with the path filter), the "Run workflow" button
/// with its inputs, and a schedule.</summary>
internal static class WorkflowTriggers
{
    public static YamlMappingNode For(
        GitHubActionsAttribute attribute, IReadOnlyList<string>? paths, IReadOnlyList<ParameterDeclaration> parameters)
    {
        var workflow = attribute.Name;
        Reject(workflow, attribute.OnPushBranches, attribute.OnPushBranchesIgnore, "OnPushBranches", "OnPushBranchesIgnore");
        Reject(workflow, attribute.OnPushTags, attribute.OnPushTagsIgnore, "OnPushTags", "OnPushTagsIgnore");
        var push = attribute.On.Contains(GitHubActionsTrigger.Push) || attribute.OnPushBranches.Length > 0 ||
                   attribute.OnPushBranchesIgnore.Length > 0 || attribute.OnPushTags.Length > 0 || attribute.OnPushTagsIgnore.Length > 0;
        var pullRequest = attribute.On.Contains(GitHubActionsTrigger.PullRequest) || attribute.OnPullRequestBranches.Length > 0;
        var dispatch = attribute.On.Contains(GitHubActionsTrigger.WorkflowDispatch) || attribute.WorkflowDispatchInputs.Length > 0;
        if (!push && !pullRequest && !dispatch && attribute.Schedule is null)
            throw new SlipwayException(
                $"workflow '{workflow}' has no trigger: set On, OnPushBranches, OnPushTags, OnPullRequestBranches, Schedule or WorkflowDispatchInputs");

        var pathList = paths is null ? null : Yaml.List(paths);
        // GitHub does not evaluate path filters for tag pushes: a push filtered by tags alone gets none.
        var pushByTagsOnly = (attribute.OnPushTags.Length > 0 || attribute.OnPushTagsIgnore.Length > 0) &&
                             attribute.OnPushBranches.Length == 0 && attribute.OnPushBranchesIgnore.Length == 0;
        return Yaml.Map(
            ("push", push
                ? Yaml.Map(
                    ("branches", Yaml.ListOrNull(attribute.OnPushBranches)),
                    ("branches-ignore", Yaml.ListOrNull(attribute.OnPushBranchesIgnore)),
                    ("tags", Yaml.ListOrNull(attribute.OnPushTags)),
                    ("tags-ignore", Yaml.ListOrNull(attribute.OnPushTagsIgnore)),
                    ("paths", pushByTagsOnly ? null : pathList))
                : null),
            ("pull_request", pullRequest
                ? Yaml.Map(("branches", Yaml.ListOrNull(attribute.OnPullRequestBranches)), ("paths", pathList))
                : null),
            ("workflow_dispatch", dispatch ? Dispatch(attribute, parameters) : null),
            ("schedule", attribute.Schedule is { } cron ? Yaml.List([Yaml.Map(("cron", Yaml.Text(Cron(cron, workflow))))]) : null));
    }

    private static YamlMappingNode Dispatch(GitHubActionsAttribute attribute, IReadOnlyList<ParameterDeclaration> parameters)
    {
        if (attribute.WorkflowDispatchInputs.Length == 0)
            return Yaml.Empty();
        var inputs = attribute.WorkflowDispatchInputs
            .Select(name => WorkflowEnvironment.Find(name, parameters, attribute.Name, nameof(GitHubActionsAttribute.WorkflowDispatchInputs)))
            .Select(parameter => (WorkflowEnvironment.InputId(parameter), (YamlNode?)Input(parameter)));
        return Yaml.Map(("inputs", Yaml.Map(inputs)));
    }

    /// <summary>An optional input typed like the parameter; left empty, the build's own default applies.</summary>
    private static YamlMappingNode Input(ParameterDeclaration parameter)
    {
        var type = parameter.Type;
        var kind = type.IsArray ? ParameterKind.String : type.Kind;
        return Yaml.Map(
            ("description", Yaml.Text(parameter.Description)),
            ("required", Yaml.Flag(false)),
            ("type", Yaml.Text(kind switch
            {
                ParameterKind.Boolean => "boolean",
                ParameterKind.Integer or ParameterKind.Long or ParameterKind.Number => "number",
                ParameterKind.Enum => "choice",
                _ => "string",
            })),
            ("options", kind == ParameterKind.Enum ? Yaml.List(type.AllowedValues) : null));
    }

    private static string Cron(string cron, string workflow) =>
        cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5
            ? string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : throw new SlipwayException($"workflow '{workflow}': Schedule '{cron}' is not a cron expression of five fields");

    private static void Reject(string workflow, string[] include, string[] ignore, string includeName, string ignoreName)
    {
        if (include.Length > 0 && ignore.Length > 0)
            throw new SlipwayException($"workflow '{workflow}': GitHub does not allow {includeName} and {ignoreName} together; use one (a '!pattern' excludes)");
    }
}
