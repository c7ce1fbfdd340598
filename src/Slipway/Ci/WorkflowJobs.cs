using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>Writes the <c>jobs:</c> of a workflow from the <see cref="WorkflowJob"/>s its attribute creates: each job
/// with the attribute's timeout, the checkout and the cache in front of its own steps. A step's
/// <see cref="WorkflowStep.UsesComment"/> goes into <c>trailingComments</c>, keyed by its <c>uses</c> node.</summary>
internal static class WorkflowJobs
{
    public static YamlMappingNode For(GitHubActionsAttribute attribute, IReadOnlyList<WorkflowJob> jobs, IDictionary<YamlNode, string> trailingComments)
    {
        if (jobs.Count == 0)
            throw new SlipwayException($"workflow '{attribute.Name}' has no job");
        if (jobs.GroupBy(job => job.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
            throw new SlipwayException($"workflow '{attribute.Name}' has two jobs with the id '{twice.Key}'");
        return Yaml.Map(jobs.Select(job => (job.Id, (YamlNode?)Job(attribute, job, trailingComments))));
    }

    private static YamlMappingNode Job(GitHubActionsAttribute attribute, WorkflowJob job, IDictionary<YamlNode, string> trailingComments)
    {
        var steps = new List<WorkflowStep> { WorkflowSteps.Checkout(attribute.FetchDepth) };
        if (WorkflowSteps.Cache(attribute, job.UncachedPaths) is { } cache)
            steps.Add(cache);
        steps.AddRange(job.Steps);
        return Yaml.Map(
            ("name", Yaml.Text(job.Name)),
            ("needs", job.Needs is null ? null : Yaml.Text(job.Needs)),
            ("runs-on", Yaml.Text(job.RunsOn)),
            ("timeout-minutes", attribute.TimeoutMinutes > 0 ? Yaml.Number(attribute.TimeoutMinutes) : null),
            ("strategy", job.Matrix is { } matrix ? Strategy(matrix) : null),
            ("steps", Yaml.List(steps.Select(step => (YamlNode)Step(step, trailingComments)))));
    }

    private static YamlMappingNode Strategy(WorkflowMatrix matrix) => Yaml.Map(
        ("fail-fast", Yaml.Flag(matrix.FailFast)),
        ("matrix", Yaml.Map(("include", Yaml.List(matrix.Include.Select(row =>
            (YamlNode)Yaml.Map(row.Select(entry => (entry.Key, (YamlNode?)Yaml.Text(entry.Value))))))))));

    private static YamlMappingNode Step(WorkflowStep step, IDictionary<YamlNode, string> trailingComments)
    {
        var uses = step.Uses is null ? null : Yaml.Text(step.Uses);
        if (uses is not null && step.UsesComment is { Length: > 0 } comment)
            trailingComments[uses] = comment;
        return Step(step, uses);
    }

    private static YamlMappingNode Step(WorkflowStep step, YamlScalarNode? uses) => Yaml.Map(
        ("name", Yaml.Text(step.Name)),
        ("uses", uses),
        ("with", step.With.Count == 0 ? null : Yaml.Map(step.With.Select(entry => (entry.Key, (YamlNode?)Value(entry.Value))))),
        ("run", step.Run is null ? null : Yaml.Text(step.Run)),
        ("env", step.Env.Count == 0 ? null : Yaml.Map(step.Env.Select(entry => (entry.Name, (YamlNode?)Yaml.Text(entry.Value))))));

    private static YamlScalarNode Value(WorkflowValue value) => value.Kind switch
    {
        WorkflowValueKind.Number => new YamlScalarNode(value.Text) { Style = YamlDotNet.Core.ScalarStyle.Plain },
        WorkflowValueKind.Flag => new YamlScalarNode(value.Text) { Style = YamlDotNet.Core.ScalarStyle.Plain },
        WorkflowValueKind.Lines => Yaml.Lines(value.Text.Split('\n')),
        _ => Yaml.Text(value.Text),
    };
}
