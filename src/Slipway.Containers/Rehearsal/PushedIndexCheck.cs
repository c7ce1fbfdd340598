using System.Text.Json.Nodes;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>Reads the pushed app image back from the rehearsal's registry with skopeo (a reader independent of
/// Slipway's registry client): every tag must be a multi-platform index with exactly the expected platforms.</summary>
internal static class PushedIndexCheck
{
    public static string Verify(RehearsalRegistry registry, string repository, IReadOnlyCollection<string> platforms)
    {
        var reference = $"docker://{registry.Address}/{repository.ToLowerInvariant()}";
        var tags = JsonNode.Parse(Skopeo(registry, "list-tags", reference))?["Tags"]?.AsArray().Select(tag => tag!.GetValue<string>()).ToArray()
                   ?? throw new SlipwayException($"skopeo list-tags {reference} answered nothing");
        if (tags.Length == 0)
            throw new SlipwayException($"the rehearsal pushed no tag to {reference}");
        // sha256-<hex>(.sig) tags hold the referrers (SBOM, provenance) and signatures of a manifest, not images
        var attached = tags.Where(tag => tag.StartsWith("sha256-", StringComparison.Ordinal)).ToArray();
        var images = tags.Except(attached).ToArray();
        foreach (var tag in images)
        {
            var index = JsonNode.Parse(Skopeo(registry, "inspect", "--raw", $"{reference}:{tag}"))!;
            var found = index["manifests"]?.AsArray()
                .Select(entry => $"{entry!["platform"]?["os"]}/{entry["platform"]?["architecture"]}").Order().ToArray() ?? [];
            if (!found.SequenceEqual(platforms.Order()))
                throw new SlipwayException($"{repository}:{tag} in the rehearsal's registry is not an index of {string.Join(" + ", platforms)} " +
                                           $"(skopeo reads: {index["mediaType"]} with {string.Join(", ", found)})");
        }
        return $"skopeo reads {repository}:{string.Join(",", images)} as indexes of {string.Join(" + ", platforms.Order())}" +
               (attached.Length > 0 ? $" ({attached.Length} sha256-* tags hold attestations and signatures)" : "");
    }

    private static string Skopeo(RehearsalRegistry registry, params string[] arguments) =>
        Tool.Capture(new ToolRun("skopeo", [arguments[0], "--tls-verify=false", "--creds", $"{registry.Username}:{registry.Password}", .. arguments[1..]]),
            TimeSpan.FromSeconds(60))
        ?? throw new SlipwayException($"skopeo {string.Join(' ', arguments)} failed (is skopeo installed? tests/install-tools.sh)");
}
