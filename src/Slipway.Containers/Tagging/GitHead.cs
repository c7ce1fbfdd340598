namespace Slipway.Containers.Tagging;

/// <summary>What HEAD is, from one <c>git log</c>: its commit and commit time, the branch it is on (null when
/// detached) and the tag on its commit (a semantic version where several are, the highest).</summary>
internal sealed record GitHead(string Sha, DateTimeOffset? CommitTime, string? Branch, string? Tag)
{
    /// <summary>Null outside a repository or before its first commit.</summary>
    public static GitHead? Read(IReadOnlyDictionary<string, string> environment, string root) =>
        SourceRevisionReader.Git(environment, root,
            // the decorations asked for by name, so a user's log.excludeDecoration or log.showSignature changes nothing
            "log", "-1", "--no-show-signature", "--decorate-refs=HEAD", "--decorate-refs=refs/heads/", "--decorate-refs=refs/tags/",
            "--format=%H%n%ct%n%D", "HEAD") is { } output ? Parse(output) : null;

    /// <summary>Parses <c>%H%n%ct%n%D</c>, e.g. <c>HEAD -> main, tag: v1.2.0, tag: v1.2.0-rc.1, feature</c>.</summary>
    public static GitHead? Parse(string output)
    {
        var lines = output.Split('\n');
        if (lines.Length < 2 || lines[0].Length == 0)
            return null;
        var decorations = lines.Length > 2 ? lines[2].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var branch = decorations.FirstOrDefault(name => name.StartsWith("HEAD -> ", StringComparison.Ordinal))?["HEAD -> ".Length..];
        var tags = decorations.Where(name => name.StartsWith("tag: ", StringComparison.Ordinal)).Select(name => name["tag: ".Length..]).ToArray();
        var commitTime = long.TryParse(lines[1], out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        return new GitHead(lines[0], commitTime, branch, ReleaseTag(tags));
    }

    private static string? ReleaseTag(IReadOnlyList<string> tags)
    {
        var versions = tags.Where(tag => TagStrategy.SemanticVersion(tag) is not null).ToArray();
        return versions.Length == 0 ? tags.FirstOrDefault() : versions.MaxBy(tag => new SemanticVersionOrder(TagStrategy.SemanticVersion(tag)!.Value.Full));
    }
}
