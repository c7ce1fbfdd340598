using System.Text.Json;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

public sealed partial class AttestationVerifier
{
    private sealed record PlatformCheck(IReadOnlyList<string> Problems, VerifiedPlatform? Verified);

    private async Task<PlatformCheck> CheckPlatformAsync(string repository, Platform platform, ContentDescriptor manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var referrers = await client.GetReferrersAsync(repository, manifest.Digest, cancellationToken: cancellationToken);
        var sbom = await CheckArtifactAsync(repository, manifest.Digest, referrers, CycloneDxSbom.MediaType, "SBOM",
            content => DescribesSbom(content, manifest.Digest), problems, cancellationToken);
        var provenance = await CheckArtifactAsync(repository, manifest.Digest, referrers, SlsaProvenance.MediaType, "provenance",
            content => DescribesProvenance(content, manifest.Digest), problems, cancellationToken);
        string? signature = null;
        if (publicKey is not null)
        {
            (signature, var problem) = await CheckSignatureAsync(repository, manifest.Digest, cancellationToken);
            if (problem is not null)
                problems.Add($"manifest {manifest.Digest}: {problem}");
        }
        return new PlatformCheck(problems, problems.Count == 0 ? new VerifiedPlatform(platform, manifest.Digest, sbom!, provenance!, signature) : null);
    }

    /// <summary>The digest of the one referrer of <paramref name="artifactType"/> that checks out, or null with a problem added.</summary>
    private async Task<string?> CheckArtifactAsync(
        string repository, string subject, IReadOnlyList<ReferrerDescriptor> referrers, string artifactType, string what,
        Func<byte[], string?> describes, List<string> problems, CancellationToken cancellationToken)
    {
        var candidates = referrers.Where(r => r.ArtifactType == artifactType).ToList();
        if (candidates.Count == 0)
        {
            problems.Add($"no {what} referrer ({artifactType}) for manifest {subject}");
            return null;
        }
        string? last = null;
        foreach (var candidate in candidates)
        {
            last = await ArtifactProblemAsync(repository, subject, candidate, describes, cancellationToken);
            if (last is null)
                return candidate.Manifest.Digest;
        }
        problems.Add($"the {what} referrer {candidates[^1].Manifest.Digest} {last}");
        return null;
    }

    private async Task<string?> ArtifactProblemAsync(
        string repository, string subject, ReferrerDescriptor referrer, Func<byte[], string?> describes, CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, referrer.Manifest.Digest, cancellationToken);
        if (manifest is null)
            return "is listed but not in the registry";
        try
        {
            using var document = JsonDocument.Parse(manifest.Content);
            var root = document.RootElement;
            var named = root.TryGetProperty("subject", out var s) ? s.GetProperty("digest").GetString() : null;
            if (named != subject)
                return named is null ? "has no subject" : $"has subject {named}, not the platform manifest";
            var layer = root.GetProperty("layers").EnumerateArray().FirstOrDefault();
            if (layer.ValueKind != JsonValueKind.Object)
                return "has no content layer";
            var content = await client.GetBlobAsync(repository, layer.GetProperty("digest").GetString() ?? "", 64 * 1024 * 1024, cancellationToken);
            return content is null ? "has lost its content blob" : describes(content);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return $"is not a valid artifact manifest ({e.Message})";
        }
    }

    private static string? DescribesSbom(byte[] content, string digest)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.GetProperty("bomFormat").GetString() != "CycloneDX")
                return "is not a CycloneDX document";
            var hashes = root.GetProperty("metadata").GetProperty("component").GetProperty("hashes").EnumerateArray()
                .Select(h => "sha256:" + h.GetProperty("content").GetString());
            return hashes.Contains(digest) ? null : "describes another image than the platform manifest";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"is not a CycloneDX SBOM of an image ({e.Message})";
        }
    }

    private static string? DescribesProvenance(byte[] content, string digest)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.GetProperty("_type").GetString() != SlsaProvenance.StatementType || root.GetProperty("predicateType").GetString() != SlsaProvenance.PredicateType)
                return "is not an in-toto statement of SLSA provenance v1";
            var subjects = root.GetProperty("subject").EnumerateArray().Select(s => "sha256:" + s.GetProperty("digest").GetProperty("sha256").GetString());
            return subjects.Contains(digest) ? null : "is the provenance of another image than the platform manifest";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"is not a provenance statement ({e.Message})";
        }
    }

    /// <summary>The signature manifest's digest when one of its signatures verifies and names this digest and repository;
    /// else null and what is wrong.</summary>
    private async Task<(string? Signature, string? Problem)> CheckSignatureAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var tag = CosignSignatures.TagFor(digest);
        var stored = await signatures.ReadAsync(repository, digest, cancellationToken);
        if (stored is null)
            return (null, $"no signature (tag {tag} is missing)");
        if (stored.Count == 0)
            return (null, $"the signature tag {tag} holds no cosign signature");
        var expectedReference = CosignSignatures.DockerReference(client.Registry, repository);
        string? problem = null;
        foreach (var signature in stored)
        {
            if (!publicKey!.Verify(signature.Payload, signature.Signature, signature.Annotations))
                continue;
            var payload = SimpleSigningPayload.Read(signature.Payload, out var unreadable);
            problem = unreadable
                ?? (payload!.ManifestDigest != digest ? $"the signed payload names {payload.ManifestDigest}, not this digest"
                : payload.DockerReference != expectedReference ? $"the signed payload names {payload.DockerReference}, not {expectedReference}"
                : null);
            if (problem is null)
                return ((await client.HeadManifestAsync(repository, tag, cancellationToken))?.Digest ?? tag, null);
        }
        return (null, problem ?? $"no signature in {tag} verifies with {publicKey!.Description} ({stored.Count} found)");
    }
}
