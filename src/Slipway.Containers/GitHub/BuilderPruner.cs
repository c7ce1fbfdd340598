using Serilog;

namespace Slipway.Containers.GitHub;

/// <summary>Lists the builder package's versions, decides with the <see cref="BuilderPrunePolicy"/> and prints the plan
/// as a table. A dry run unless <c>apply</c> is true; then it deletes the planned versions one by one and reports each.</summary>
public sealed class BuilderPruner(ContainerPackageVersions package, BuilderPrunePolicy policy, ILogger logger)
{
    private const string Header = "  ACTION  VERSION     CREATED (UTC)     DIGEST               TAGS                              REASON";
    private const string Row = "  {Action,-6:l}  {VersionId,-10:l}  {Created,-16:l}  {Digest,-19:l}  {Tags,-32:l}  {Reason:l}";

    public async Task<BuilderPruneResult> RunAsync(bool apply = false)
    {
        var versions = await package.ListAsync().ConfigureAwait(false);
        var plan = policy.Decide(versions);
        var doomed = plan.ToDelete;
        if (apply)
            logger.Information("Builder package {Package:l}: {Count} versions; deleting {Delete}, keeping {Keep}",
                package.ToString(), versions.Count, doomed.Count, plan.ToKeep.Count);
        else
            logger.Information("Builder package {Package:l}: {Count} versions; would delete {Delete}, keep {Keep} (dry run: pass --prune-apply to delete)",
                package.ToString(), versions.Count, doomed.Count, plan.ToKeep.Count);
        PrintTable(plan);
        if (!apply || doomed.Count == 0)
            return new BuilderPruneResult(plan, apply, []);

        var deleted = new List<ContainerPackageVersion>();
        foreach (var decision in doomed)
        {
            try
            {
                await package.DeleteAsync(decision.Version.Id).ConfigureAwait(false);
            }
            catch (SlipwayException failure) when (deleted.Count > 0)
            {
                throw new SlipwayException($"{failure.Message} (after deleting {deleted.Count} of {doomed.Count})", failure);
            }
            deleted.Add(decision.Version);
            logger.Information("Deleted builder version {VersionId} ({Tags:l}): {Reason:l}",
                decision.Version.Id, TagsOf(decision.Version), decision.Reason);
        }
        logger.Information("Deleted {Count} builder versions of {Package:l}", deleted.Count, package.ToString());
        return new BuilderPruneResult(plan, apply, deleted);
    }

    private void PrintTable(BuilderPrunePlan plan)
    {
        if (plan.Decisions.Count == 0)
            return;
        logger.Information(Header);
        foreach (var decision in plan.Decisions)
        {
            var version = decision.Version;
            logger.Information(Row,
                decision.Action == PruneAction.Delete ? "delete" : "keep",
                version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ShortDigest(version.Digest),
                TagsOf(version),
                decision.Reason);
        }
    }

    private static string TagsOf(ContainerPackageVersion version) =>
        version.IsTagged ? string.Join(", ", version.Tags) : "(untagged)";

    /// <summary><c>sha256:</c> and the first 12 hex digits, as <c>docker images</c> shortens IDs.</summary>
    private static string ShortDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        return colon >= 0 && digest.Length > colon + 13 ? digest[..(colon + 13)] : digest;
    }
}
