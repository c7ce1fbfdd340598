using Slipway.Parameters;
using Slipway.Paths;
using Slipway.Targets;

namespace Slipway.Ci;

/// <summary>What <see cref="GitHubActionsAttribute.CreateJobs"/> is given about the workflow being generated: its name
/// (for error messages), its invoked targets as the build names them, a way to name further targets the jobs run
/// (checked against the build; their input paths join the path filter), the environment its steps get, and the step
/// that runs <c>./build.sh</c> (with variables of its own added where a job needs them).</summary>
public sealed class WorkflowContext
{
    private readonly TargetSet _targets;
    private readonly IReadOnlyList<ParameterDeclaration> _parameters;
    private readonly List<ExecutableTarget> _planned = [];

    internal WorkflowContext(
        string name, TargetSet targets, IReadOnlyList<ExecutableTarget> invoked, IReadOnlyList<WorkflowVariable> environment,
        IReadOnlyList<ParameterDeclaration> parameters)
    {
        Name = name;
        _targets = targets;
        _parameters = parameters;
        Environment = environment;
        _planned.AddRange(invoked);
        InvokedTargets = invoked.Select(target => target.Name).ToArray();
    }

    /// <summary>The workflow's name, as errors start: <c>workflow '&lt;name&gt;': …</c>.</summary>
    public string Name { get; }

    /// <summary><see cref="GitHubActionsAttribute.InvokedTargets"/>, checked and spelled as the build declares them.</summary>
    public IReadOnlyList<string> InvokedTargets { get; }

    /// <summary>What every <see cref="RunBuild(IReadOnlyList{string}, IEnumerable{string})"/> step gets in its <c>env:</c>:
    /// the attribute's imported secrets, dispatch inputs, parameter values and token, ordered by name.</summary>
    public IReadOnlyList<WorkflowVariable> Environment { get; }

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

    /// <summary>The parameter of the build (as the build names it) that reads the environment variable
    /// <paramref name="variable"/> (<c>RegistryToken</c> for <c>REGISTRY_TOKEN</c> or <c>SLIPWAY_REGISTRY_TOKEN</c>), or
    /// null: a variable a step adds for another purpose must not set a parameter by accident.</summary>
    public string? ParameterReading(string variable) =>
        _parameters.FirstOrDefault(parameter => EnvironmentLookup.Reads(parameter.Name, variable))?.Name;

    /// <summary>The step <c>./build.sh &lt;targets&gt; &lt;options&gt;</c>, named <c>Run &lt;targets&gt;</c>, with the
    /// workflow's parameter values, secrets and token in its <c>env:</c>.</summary>
    public WorkflowStep RunBuild(IReadOnlyList<string> targets, IEnumerable<string> options) => RunBuild(targets, options, []);

    /// <summary>As <see cref="RunBuild(IReadOnlyList{string}, IEnumerable{string})"/>, with <paramref name="variables"/>
    /// added to this step's <c>env:</c> (ordered by name with the others). A variable equal to one the workflow sets
    /// already is written once; the same name with another value fails naming both origins.</summary>
    public WorkflowStep RunBuild(IReadOnlyList<string> targets, IEnumerable<string> options, IEnumerable<WorkflowVariable> variables) =>
        new("Run " + string.Join(", ", targets))
        {
            Run = string.Join(" ", new[] { "./build.sh" }.Concat(targets).Concat(options)),
            Env = WorkflowEnvironment.Merge(Name, Environment, variables).Select(variable => (variable.Name, variable.Value)).ToArray(),
        };
}
