using Slipway.Paths;
using Slipway.Targets;

namespace Slipway.Ci;

/// <summary>What <see cref="GitHubActionsAttribute.CreateJobs"/> is given about the workflow being generated: its name
/// (for error messages), its invoked targets as the build names them, the step that runs <c>./build.sh</c>, and a way
/// to name further targets the jobs run (checked against the build; their input paths join the path filter).</summary>
public sealed class WorkflowContext
{
    private readonly TargetSet _targets;
    private readonly IReadOnlyList<(string Name, string Value)> _environment;
    private readonly List<ExecutableTarget> _planned = [];

    internal WorkflowContext(
        string name, TargetSet targets, IReadOnlyList<ExecutableTarget> invoked, IReadOnlyList<(string Name, string Value)> environment)
    {
        Name = name;
        _targets = targets;
        _environment = environment;
        _planned.AddRange(invoked);
        InvokedTargets = invoked.Select(target => target.Name).ToArray();
    }

    /// <summary>The workflow's name, as errors start: <c>workflow '&lt;name&gt;': …</c>.</summary>
    public string Name { get; }

    /// <summary><see cref="GitHubActionsAttribute.InvokedTargets"/>, checked and spelled as the build declares them.</summary>
    public IReadOnlyList<string> InvokedTargets { get; }

    /// <summary>The build's temporary folder relative to the root (<see cref="BuildFolders.Temporary"/>).</summary>
    public string TemporaryDirectory => BuildFolders.Temporary;

    /// <summary>Every target the jobs run: the invoked ones and those named through <see cref="ResolveTargets"/>.</summary>
    internal IReadOnlyList<ExecutableTarget> PlannedTargets => _planned.Distinct().ToArray();

    /// <summary>Checks target names of an attribute property against the build and returns them as the build spells
    /// them; an unknown name fails with <c>workflow '&lt;name&gt;': &lt;property&gt;: unknown target …</c>.</summary>
    public IReadOnlyList<string> ResolveTargets(IEnumerable<string> names, string property)
    {
        try
        {
            var found = names.Select(_targets.Find).Distinct().ToArray();
            _planned.AddRange(found);
            return found.Select(target => target.Name).ToArray();
        }
        catch (SlipwayException exception)
        {
            throw new SlipwayException($"workflow '{Name}': {property}: {exception.Message}", exception);
        }
    }

    /// <summary>The step <c>./build.sh &lt;targets&gt; &lt;options&gt;</c>, named <c>Run &lt;targets&gt;</c>, with the
    /// workflow's parameter values, secrets and token in its <c>env:</c>.</summary>
    public WorkflowStep RunBuild(IReadOnlyList<string> targets, IEnumerable<string> options) =>
        new("Run " + string.Join(", ", targets))
        {
            Run = string.Join(" ", new[] { "./build.sh" }.Concat(targets).Concat(options)),
            Env = _environment,
        };
}
