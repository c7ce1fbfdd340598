using System.Text;

namespace Slipway.Containers.GitHub;

/// <summary>The Markdown section of a release body that lists the images, between two HTML comments so a re-run
/// replaces only that section and leaves notes people wrote around it alone.</summary>
public static class ReleaseNotes
{
    public const string SectionStart = "<!-- slipway:images -->";
    public const string SectionEnd = "<!-- /slipway:images -->";

    /// <summary>One heading per image reference (in the order given), one table row per platform (sorted); attested images
    /// get the digests of their SBOM, provenance and signature in three more columns.</summary>
    public static string ImagesSection(IReadOnlyList<PublishedImage> images)
    {
        if (images.Count == 0)
            throw new SlipwayException("no published images to list in the release");
        var text = new StringBuilder().Append(SectionStart).Append('\n').Append("## Container images\n");
        foreach (var group in images.Distinct().GroupBy(i => (i.Image, i.Tag)))
        {
            text.Append($"\n### `{group.Key.Image}:{group.Key.Tag}`\n\n");
            var attested = group.Any(i => i.IsAttested);
            text.Append(attested
                ? "| Platform | Digest | Pull by digest | SBOM | Provenance | Signature |\n| --- | --- | --- | --- | --- | --- |\n"
                : "| Platform | Digest | Pull by digest |\n| --- | --- | --- |\n");
            foreach (var platform in group.GroupBy(i => i.Platform).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (platform.Count() > 1)
                    throw new SlipwayException(
                        $"{group.Key.Image}:{group.Key.Tag} has two digests for {platform.Key}: {string.Join(", ", platform.Select(p => p.Digest))}");
                var image = platform.Single();
                text.Append($"| {image.Platform} | `{image.Digest}` | `{image.Image}@{image.Digest}` |");
                text.Append(attested ? $" {Digest(image.Sbom)} | {Digest(image.Provenance)} | {Digest(image.Signature)} |\n" : "\n");
            }
        }
        return text.Append(SectionEnd).ToString();
    }

    private static string Digest(string? digest) => digest is null ? "none" : $"`{digest}`";

    /// <summary>The body with <paramref name="section"/> in place of the previous one, or appended when there is none.</summary>
    public static string Merge(string? body, string section)
    {
        if (string.IsNullOrWhiteSpace(body))
            return section + "\n";
        var start = body.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : body.IndexOf(SectionEnd, start, StringComparison.Ordinal);
        if (end < 0)
            return body.TrimEnd() + "\n\n" + section + "\n";
        return body[..start] + section + body[(end + SectionEnd.Length)..];
    }
}
