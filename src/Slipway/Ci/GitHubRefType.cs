namespace Slipway.Ci;

/// <summary>What <c>GITHUB_REF</c> names: a branch, a tag, or nothing known (not on GitHub Actions).</summary>
public enum GitHubRefType
{
    None,
    Branch,
    Tag,
}
