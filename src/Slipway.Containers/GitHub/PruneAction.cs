namespace Slipway.Containers.GitHub;

public enum PruneAction
{
    Keep,
    Delete,
}
