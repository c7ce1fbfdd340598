using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Rehearsal;

/// <summary>Reads a workflow file into <see cref="RehearsedWorkflow"/>: the parts of GitHub's syntax the generator uses
/// (jobs, needs, runs-on, strategy.matrix.include, env, steps with run/uses/with/env). Anything it does not know in a
/// job (services, container, if, a matrix of axes) fails the rehearsal rather than being skipped.</summary>
internal static class WorkflowReader
{
    private static readonly FrozenSet<string> KnownJobKeys = new[]
        { "name", "needs", "runs-on", "timeout-minutes", "strategy", "steps", "env", "permissions", "concurrency" }.ToFrozenSet();

    public static RehearsedWorkflow Read(string fileName, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var triggers = Child(root, "on") switch
        {
            YamlMappingNode on => on.Children.Keys.Select(Scalar).ToArray(),
            YamlSequenceNode on => on.Children.Select(Scalar).ToArray(),
            YamlScalarNode on => [on.Value!],
            _ => [],
        };
        var jobs = Child(root, "jobs") as YamlMappingNode ?? throw Unsupported(fileName, "it has no jobs");
        return new RehearsedWorkflow(Text(root, "name") ?? fileName, fileName, triggers,
            jobs.Children.Select(job => ReadJob(fileName, Scalar(job.Key), (YamlMappingNode)job.Value)).ToArray());
    }

    private static WorkflowJob ReadJob(string fileName, string id, YamlMappingNode job)
    {
        foreach (var key in job.Children.Keys.Select(Scalar).Where(key => !KnownJobKeys.Contains(key)))
            throw Unsupported(fileName, $"job {id} uses '{key}', which the rehearsal does not know");
        var needs = Child(job, "needs") switch
        {
            YamlScalarNode one => [one.Value!],
            YamlSequenceNode many => many.Children.Select(Scalar).ToArray(),
            _ => Array.Empty<string>(),
        };
        var matrix = new List<IReadOnlyDictionary<string, string>>();
        if (Child(job, "strategy") is YamlMappingNode strategy && Child(strategy, "matrix") is YamlMappingNode axes)
        {
            foreach (var key in axes.Children.Keys.Select(Scalar).Where(key => key != "include"))
                throw Unsupported(fileName, $"job {id} has the matrix axis '{key}'; the rehearsal expands only matrix.include");
            if (Child(axes, "include") is YamlSequenceNode include)
                matrix.AddRange(include.Children.Select(entry => Strings((YamlMappingNode)entry)));
        }
        var steps = (Child(job, "steps") as YamlSequenceNode)?.Children.Cast<YamlMappingNode>().Select(step => new WorkflowStep(
            Text(step, "name"), Text(step, "uses"), Text(step, "run"),
            Child(step, "with") is YamlMappingNode with ? Strings(with) : new Dictionary<string, string>(),
            Child(step, "env") is YamlMappingNode env ? Strings(env) : new Dictionary<string, string>())).ToArray() ?? [];
        return new WorkflowJob(id, Text(job, "name"), needs, Text(job, "runs-on") ?? "", matrix,
            Child(job, "env") is YamlMappingNode jobEnv ? Strings(jobEnv) : new Dictionary<string, string>(), steps);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static Dictionary<string, string> Strings(YamlMappingNode map) =>
        map.Children.ToDictionary(pair => Scalar(pair.Key), pair => pair.Value is YamlScalarNode value ? value.Value ?? "" : pair.Value.ToString());

    private static SlipwayException Unsupported(string fileName, string why) => new($"cannot rehearse {fileName}: {why}");
}
