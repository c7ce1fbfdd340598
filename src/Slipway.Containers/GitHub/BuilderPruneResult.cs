namespace Slipway.Containers.GitHub;

/// <summary>The plan, whether it was applied, and the versions actually deleted (none on a dry run).</summary>
public sealed record BuilderPruneResult(BuilderPrunePlan Plan, bool Applied, IReadOnlyList<ContainerPackageVersion> Deleted);
