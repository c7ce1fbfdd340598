using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>The OCI annotations an app image carries (org.opencontainers.image.*), as docker/metadata-action sets them.</summary>
internal static class OciLabels
{
    /// <summary>When the image counts as created: SOURCE_DATE_EPOCH, else the commit's time, else now. The first two
    /// keep an unchanged build's image ID (and so its registry digest) the same from run to run.</summary>
    public static DateTimeOffset Created(IReadOnlyDictionary<string, string> environment, SourceRevision revision) =>
        long.TryParse(environment.GetValueOrDefault("SOURCE_DATE_EPOCH"), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : revision.CommitTime ?? DateTimeOffset.UtcNow;

    public static Dictionary<string, string> For(SourceRevision revision, string? version, DateTimeOffset created)
    {
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.created"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["org.opencontainers.image.version"] = version ?? (revision.ShortSha is { } sha ? $"sha-{sha}" : "dev"),
        };
        if (revision.Sha is not null)
            labels["org.opencontainers.image.revision"] = revision.Sha;
        if (revision.Repository is not null)
            labels["org.opencontainers.image.source"] = $"https://github.com/{revision.Repository}";
        return labels;
    }
}
