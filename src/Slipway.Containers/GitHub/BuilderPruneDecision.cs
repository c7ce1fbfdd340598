namespace Slipway.Containers.GitHub;

/// <summary>What the prune does with one builder package version, and why, in words for the dry-run table.</summary>
public sealed record BuilderPruneDecision(ContainerPackageVersion Version, PruneAction Action, string Reason);
