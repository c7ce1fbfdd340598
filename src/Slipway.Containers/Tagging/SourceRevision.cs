namespace Slipway.Containers.Tagging;

/// <summary>Where the sources come from: branch or tag, commit, repository, and whether the branch is the default one.
/// Read from the CI environment when present, else from the git repository on disk.</summary>
public sealed record SourceRevision(
    string? Branch,
    string? GitTag,
    string? Sha,
    string? Repository,
    bool IsDefaultBranch,
    DateTimeOffset? CommitTime = null)
{
    public static SourceRevision Unknown { get; } = new(null, null, null, null, false);

    public string? ShortSha => Sha is { Length: >= 7 } sha ? sha[..7] : Sha;
}
