namespace Slipway.Ci;

/// <summary>The <c>strategy:</c> of a job that runs once per row: each row's keys are read in the job as
/// <c>${{ matrix.&lt;key&gt; }}</c>. One failed row does not cancel the others unless <see cref="FailFast"/> is set.</summary>
public sealed record WorkflowMatrix(IReadOnlyList<IReadOnlyList<(string Key, string Value)>> Include)
{
    public bool FailFast { get; init; }
}
