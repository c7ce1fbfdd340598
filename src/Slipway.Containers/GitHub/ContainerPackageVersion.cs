namespace Slipway.Containers.GitHub;

/// <summary>One version of a GHCR container package: its id, its manifest digest (GitHub calls it the name) and tags.</summary>
public sealed record ContainerPackageVersion(
    long Id,
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsTagged => Tags.Count > 0;

    public override string ToString() => IsTagged ? $"{Id} ({string.Join(", ", Tags)})" : $"{Id} ({Digest}, untagged)";
}
