namespace Slipway.Ci;

/// <summary>A scope of the workflow's <c>GITHUB_TOKEN</c>; every generated workflow reads <c>contents</c>, and
/// <see cref="GitHubActionsAttribute.WritePermissions"/> lists the scopes it may write.</summary>
public enum GitHubActionsPermission
{
    Actions,
    Attestations,
    Checks,
    Contents,
    Deployments,
    IdToken,
    Issues,
    Packages,
    Pages,
    PullRequests,
    SecurityEvents,
    Statuses,
}
