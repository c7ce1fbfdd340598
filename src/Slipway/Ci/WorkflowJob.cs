namespace Slipway.Ci;

/// <summary>One job of a generated workflow, as <see cref="GitHubActionsAttribute.CreateJobs"/> returns it. The engine
/// writes it with the attribute's <c>timeout-minutes</c> and puts the checkout and the cache in front of
/// <see cref="Steps"/>.</summary>
/// <param name="Id">The key under <c>jobs:</c> (what <see cref="Needs"/> of a later job names).</param>
/// <param name="Name">What GitHub shows for the job; may use <c>${{ matrix.&lt;key&gt; }}</c>.</param>
/// <param name="RunsOn">The runner label, e.g. <c>RunnerLabel.Of(attribute.Image)</c> or <c>${{ matrix.runner }}</c>.</param>
/// <param name="Steps">The job's own steps, after the checkout and the cache.</param>
public sealed record WorkflowJob(string Id, string Name, string RunsOn, IReadOnlyList<WorkflowStep> Steps)
{
    /// <summary>The job that must succeed before this one starts.</summary>
    public string? Needs { get; init; }

    public WorkflowMatrix? Matrix { get; init; }

    /// <summary>Folders under the cached paths (root-relative, e.g. a subfolder of
    /// <see cref="WorkflowContext.TemporaryDirectory"/>) that the cache leaves out, as <c>!path</c> lines: those a job
    /// hands to a later job, which a restored cache must never bring back from an earlier run. The rest of the folder
    /// (the compiled build above all) is still cached.</summary>
    public IReadOnlyList<string> UncachedPaths { get; init; } = [];
}
