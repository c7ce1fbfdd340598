namespace Slipway.Containers.GitHub;

/// <summary>One decision per builder package version, newest first.</summary>
public sealed record BuilderPrunePlan(IReadOnlyList<BuilderPruneDecision> Decisions)
{
    public IReadOnlyList<BuilderPruneDecision> ToDelete => Decisions.Where(d => d.Action == PruneAction.Delete).ToArray();

    public IReadOnlyList<BuilderPruneDecision> ToKeep => Decisions.Where(d => d.Action == PruneAction.Keep).ToArray();

    public BuilderPruneDecision For(long versionId) => Decisions.Single(d => d.Version.Id == versionId);
}
