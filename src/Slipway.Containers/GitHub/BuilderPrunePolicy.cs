namespace Slipway.Containers.GitHub;

/// <summary>Decides which builder image versions to keep: those tagged <c>latest</c> (or another protected tag), those
/// whose <c>deps-&lt;hash&gt;</c> is among the newest N dependency hashes, and those whose hash a kept app image still
/// uses. Other versions with a dependency-hash tag go. Untagged versions go when they are older than every kept version
/// (dangling), unless a kept image index names their digest. Versions tagged without any <c>deps-</c> tag are not
/// builder versions this policy understands, so they stay.</summary>
public sealed class BuilderPrunePolicy
{
    public const string DependencyTagPrefix = "deps-";

    private readonly IReadOnlyList<AppImageReference> _references;
    private readonly HashSet<string> _keptManifestDigests;
    private readonly HashSet<string> _protectedTags;

    /// <param name="keepNewest">How many of the newest dependency hashes to keep (0 or more).</param>
    /// <param name="referencedBy">Kept app images and the dependency hash each was built from.</param>
    /// <param name="keptManifestDigests">Digests a kept image index refers to (its per-platform manifests), which GHCR
    /// lists as untagged versions of their own; without them only their age protects them.</param>
    /// <param name="protectedTags">Tags that keep a version whatever its hash; <c>latest</c> when not given.</param>
    public BuilderPrunePolicy(
        int keepNewest,
        IEnumerable<AppImageReference>? referencedBy = null,
        IEnumerable<string>? keptManifestDigests = null,
        IEnumerable<string>? protectedTags = null)
    {
        if (keepNewest < 0)
            throw new SlipwayException($"the number of builder dependency hashes to keep must be 0 or more, not {keepNewest}");
        KeepNewest = keepNewest;
        _references = referencedBy?.ToArray() ?? [];
        _keptManifestDigests = new HashSet<string>(keptManifestDigests ?? [], StringComparer.OrdinalIgnoreCase);
        _protectedTags = new HashSet<string>(protectedTags ?? ["latest"], StringComparer.Ordinal);
    }

    public int KeepNewest { get; }

    public BuilderPrunePlan Decide(IEnumerable<ContainerPackageVersion> versions)
    {
        var newestFirst = versions.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).ToArray();
        var newestHashes = newestFirst.SelectMany(HashesOf).Distinct(StringComparer.Ordinal).Take(KeepNewest).ToHashSet();
        var tagged = newestFirst.Where(v => v.IsTagged).ToDictionary(v => v.Id, v => DecideTagged(v, newestHashes));
        var oldestKept = tagged.Values.Where(d => d.Action == PruneAction.Keep)
            .Select(d => d.Version.CreatedAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var decisions = newestFirst
            .Select(v => v.IsTagged ? tagged[v.Id] : DecideUntagged(v, oldestKept))
            .ToArray();
        return new BuilderPrunePlan(decisions);
    }

    private BuilderPruneDecision DecideTagged(ContainerPackageVersion version, HashSet<string> newestHashes)
    {
        var hashes = HashesOf(version).ToArray();
        var reasons = new List<string>();
        var protectedTags = version.Tags.Where(_protectedTags.Contains).ToArray();
        if (protectedTags.Length > 0)
            reasons.Add($"tagged {string.Join(", ", protectedTags)}");
        var newest = hashes.Where(newestHashes.Contains).ToArray();
        if (newest.Length > 0)
            reasons.Add($"{Tags(newest)} among the {KeepNewest} newest dependency hashes");
        foreach (var hash in hashes)
        {
            var users = _references.Where(r => Matches(hash, r.DependencyHash)).Select(r => r.AppImage).Distinct().ToArray();
            if (users.Length > 0)
                reasons.Add($"{Tags([hash])} used by app image {string.Join(", ", users)}");
        }
        if (hashes.Length == 0 && reasons.Count == 0)
            reasons.Add($"no {DependencyTagPrefix}<hash> tag, so not judged ({string.Join(", ", version.Tags)})");
        if (reasons.Count > 0)
            return new BuilderPruneDecision(version, PruneAction.Keep, string.Join("; ", reasons));

        var others = version.Tags.Where(t => !t.StartsWith(DependencyTagPrefix, StringComparison.Ordinal)).ToArray();
        var reason = $"{Tags(hashes)} older than the {KeepNewest} newest dependency hashes and used by no kept app image"
            + (others.Length > 0 ? $" (also removes tag {string.Join(", ", others)})" : "");
        return new BuilderPruneDecision(version, PruneAction.Delete, reason);
    }

    private BuilderPruneDecision DecideUntagged(ContainerPackageVersion version, DateTimeOffset oldestKept)
    {
        if (_keptManifestDigests.Contains(version.Digest))
            return new(version, PruneAction.Keep, "untagged, but a kept image index refers to it");
        return version.CreatedAt < oldestKept
            ? new(version, PruneAction.Delete, "untagged and older than every kept version (dangling)")
            : new(version, PruneAction.Keep, "untagged, but not older than the oldest kept version");
    }

    /// <summary>The hash parts of a version's <c>deps-</c> tags.</summary>
    private static IEnumerable<string> HashesOf(ContainerPackageVersion version) => version.Tags
        .Where(t => t.Length > DependencyTagPrefix.Length && t.StartsWith(DependencyTagPrefix, StringComparison.Ordinal))
        .Select(t => t[DependencyTagPrefix.Length..]);

    /// <summary>A tag carries the 12-character form, a label may carry the full hash: one must start with the other,
    /// the shorter being at least 12 characters, so a stray short value matches only itself.</summary>
    private static bool Matches(string tagHash, string referenced)
    {
        var hash = referenced.Trim();
        if (hash.StartsWith(DependencyTagPrefix, StringComparison.Ordinal))
            hash = hash[DependencyTagPrefix.Length..];
        if (string.Equals(hash, tagHash, StringComparison.OrdinalIgnoreCase))
            return true;
        var (shorter, longer) = hash.Length <= tagHash.Length ? (hash, tagHash) : (tagHash, hash);
        return shorter.Length >= 12 && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
    }

    private static string Tags(IReadOnlyCollection<string> hashes) =>
        string.Join(", ", hashes.Select(h => DependencyTagPrefix + h)) + (hashes.Count == 1 ? " is" : " are");
}
