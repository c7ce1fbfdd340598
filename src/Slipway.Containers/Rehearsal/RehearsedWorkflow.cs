namespace Slipway.Containers.Rehearsal;

/// <summary>A workflow file as the rehearsal runs it: its name, the triggers it has, and its jobs in file order.</summary>
internal sealed record RehearsedWorkflow(string Name, string FileName, IReadOnlyList<string> Triggers, IReadOnlyList<WorkflowJob> Jobs);

/// <summary>One job of a workflow before its matrix is expanded.</summary>
internal sealed record WorkflowJob(
    string Id, string? Name, IReadOnlyList<string> Needs, string RunsOn,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Matrix, IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<WorkflowStep> Steps);

/// <summary>One step: either <c>run:</c> (a bash script) or <c>uses:</c> (an action with its <c>with:</c> inputs).</summary>
internal sealed record WorkflowStep(
    string? Name, string? Uses, string? Run, IReadOnlyDictionary<string, string> With, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The action without its version: <c>actions/checkout</c> for <c>actions/checkout@v4</c>.</summary>
    public string? Action => Uses?.Split('@')[0];

    public string Title => Name ?? Uses ?? Run?.Split('\n')[0] ?? "(unnamed step)";
}
