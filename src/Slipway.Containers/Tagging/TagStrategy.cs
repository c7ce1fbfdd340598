using System.Text.RegularExpressions;

namespace Slipway.Containers.Tagging;

/// <summary>Seed 002's tags in the spirit of docker/metadata-action. App: <c>latest</c> on the default branch,
/// <c>{version}</c> and <c>{major}.{minor}</c> for a semver git tag, <c>{branch}</c> elsewhere, <c>sha-&lt;7&gt;</c> always.
/// Builder: <c>deps-&lt;hash12&gt;</c> always, <c>latest</c> on the default branch, <c>builder-{version}</c>, <c>{branch}-builder</c>;
/// outside any git repository <c>dev</c> and <c>dev-builder</c>.</summary>
public static partial class TagStrategy
{
    public static IReadOnlyList<string> AppTags(SourceRevision revision)
    {
        var tags = new List<string>();
        if (revision.IsDefaultBranch)
            tags.Add("latest");
        if (SemanticVersion(revision.GitTag) is { } version)
        {
            tags.Add(version.Full);
            tags.Add($"{version.Major}.{version.Minor}");
        }
        else if (revision.Branch is not null && !revision.IsDefaultBranch)
            tags.Add(Sanitise(revision.Branch));
        if (revision.ShortSha is not null)
            tags.Add($"sha-{revision.ShortSha}");
        if (tags.Count == 0)
            tags.Add("dev");
        return tags.Distinct().ToArray();
    }

    public static IReadOnlyList<string> BuilderTags(SourceRevision revision, string dependencyTag)
    {
        var tags = new List<string> { dependencyTag };
        if (revision.IsDefaultBranch)
            tags.Add("latest");
        if (SemanticVersion(revision.GitTag) is { } version)
            tags.Add($"builder-{version.Full}");
        else if (revision.Branch is not null && !revision.IsDefaultBranch)
            tags.Add($"{Sanitise(revision.Branch)}-builder");
        if (tags.Count == 1)
            tags.Add("dev-builder");
        return tags.Distinct().ToArray();
    }

    /// <summary>A git tag like <c>v1.2.3</c> or <c>1.2.3-rc.1</c>; null for anything else.</summary>
    public static (string Full, string Major, string Minor)? SemanticVersion(string? gitTag)
    {
        var match = gitTag is null ? null : SemverPattern().Match(gitTag);
        return match is { Success: true } ? (match.Groups["full"].Value, match.Groups["major"].Value, match.Groups["minor"].Value) : null;
    }

    /// <summary>A branch as a valid tag: lower case, <c>/</c> and other characters as <c>-</c>, at most 128 characters.</summary>
    public static string Sanitise(string branch)
    {
        var tag = NotTagCharacters().Replace(branch.ToLowerInvariant(), "-").Trim('-', '.');
        if (tag.Length == 0)
            tag = "branch";
        return tag.Length > 128 ? tag[..128] : tag;
    }

    [GeneratedRegex(@"^v?(?<full>(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?)$")]
    private static partial Regex SemverPattern();

    [GeneratedRegex(@"[^a-z0-9_.-]+")]
    private static partial Regex NotTagCharacters();
}
