using System.Text.Json;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Reads a tag back from the registry and checks what a push promises: the tag is a multi-platform index with exactly
/// one entry per expected platform and nothing else; each platform manifest has an SBOM and a provenance referrer whose
/// subject is that manifest and whose content describes it; with a public key, the index and every platform manifest
/// have a cosign signature that verifies with it and whose payload names that digest and repository. Everything that
/// fails is gathered into one <see cref="SlipwayException"/> line naming the tag, the platform and what failed.
/// </summary>
public sealed partial class AttestationVerifier(RegistryClient client, ISignatureVerifier? publicKey)
{
    private readonly CosignSignatures signatures = new(client);

    public async Task<VerifiedImage> VerifyAsync(
        string repository, string tag, IReadOnlyList<Platform> platforms, CancellationToken cancellationToken = default)
    {
        var reference = $"{client.Registry}/{repository}:{tag}";
        var problems = new List<string>();
        var index = await client.GetManifestAsync(repository, tag, cancellationToken);
        if (index is null)
            throw new SlipwayException($"{reference}: the tag does not exist");
        if (!MediaTypes.IsIndex(index.MediaType))
            throw new SlipwayException($"{reference}: the tag is a '{index.MediaType}', not a multi-platform index");

        var entries = IndexEntries(index, reference);
        foreach (var entry in entries.GroupBy(e => e.Platform).Where(g => g.Count() > 1))
            problems.Add($"{entry.Key}: the index holds {entry.Count()} entries for it, not one");
        foreach (var extra in entries.Where(e => !platforms.Contains(e.Platform)).Select(e => e.Platform).Distinct())
            problems.Add($"{extra}: the index holds it but it was not expected (attestations belong in referrers, not in the index)");
        foreach (var missing in platforms.Where(p => entries.All(e => e.Platform != p)))
            problems.Add($"{missing}: missing from the index");

        string? indexSignature = null;
        if (publicKey is not null)
        {
            var (signature, problem) = await CheckSignatureAsync(repository, index.Digest, cancellationToken);
            indexSignature = signature;
            if (problem is not null)
                problems.Add($"the index {index.Digest}: {problem}");
        }

        var verified = new List<VerifiedPlatform>();
        foreach (var platform in platforms)
        {
            if (entries.FirstOrDefault(e => e.Platform == platform) is not { } entry)
                continue;
            var found = await CheckPlatformAsync(repository, platform, entry.Manifest, cancellationToken);
            problems.AddRange(found.Problems.Select(p => $"{platform}: {p}"));
            if (found.Verified is not null)
                verified.Add(found.Verified);
        }
        if (problems.Count > 0)
            throw new SlipwayException($"{reference} failed verification: {string.Join("; ", problems)}");
        return new VerifiedImage(reference, index.Digest, indexSignature, verified);
    }

    private sealed record IndexEntry(Platform Platform, ContentDescriptor Manifest);

    private static List<IndexEntry> IndexEntries(RegistryManifest index, string reference)
    {
        try
        {
            using var document = JsonDocument.Parse(index.Content);
            return document.RootElement.GetProperty("manifests").EnumerateArray().Select(m =>
            {
                var platform = m.TryGetProperty("platform", out var p)
                    ? new Platform(p.GetProperty("os").GetString() ?? "", p.GetProperty("architecture").GetString() ?? "",
                        p.TryGetProperty("variant", out var v) ? v.GetString() : null)
                    : new Platform("unknown", "unknown");
                return new IndexEntry(platform, new ContentDescriptor(
                    m.GetProperty("mediaType").GetString() ?? "", m.GetProperty("digest").GetString() ?? "", m.GetProperty("size").GetInt64()));
            }).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SlipwayException($"{reference}: the index is not valid: {e.Message}", e);
        }
    }
}
