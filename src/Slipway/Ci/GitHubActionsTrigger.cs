namespace Slipway.Ci;

/// <summary>Events that start a workflow without filters of their own (<c>On = [GitHubActionsTrigger.WorkflowDispatch]</c>);
/// branch, tag and input filters have their own attribute properties.</summary>
public enum GitHubActionsTrigger
{
    /// <summary><c>push</c> to any branch or tag.</summary>
    Push,

    /// <summary><c>pull_request</c> against any branch.</summary>
    PullRequest,

    /// <summary><c>workflow_dispatch</c>: the "Run workflow" button.</summary>
    WorkflowDispatch,
}
