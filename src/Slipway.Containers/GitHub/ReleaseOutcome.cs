namespace Slipway.Containers.GitHub;

public enum ReleaseOutcome
{
    Created,
    Updated,
    Unchanged,
}
