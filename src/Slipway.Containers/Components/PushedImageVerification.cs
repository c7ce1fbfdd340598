using Serilog;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>
/// VerifyImages' work: each app tag of this revision read back from the registry with <see cref="AttestationVerifier"/>.
/// The platforms expected are <c>--platforms</c>, else those the last Push recorded under <c>.nuke/temp/digests</c>;
/// tags that point at an index already verified are not read twice. The first failure is one error line.
/// </summary>
internal sealed class PushedImageVerification(
    RegistrySettings settings, string temporaryDirectory, IReadOnlyDictionary<string, string> environment, ILogger log)
{
    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> VerifyAsync(
        IReadOnlyList<string> tags, IReadOnlyList<string> platformNames, AbsolutePath? publicKeyFile, CancellationToken cancellation)
    {
        var platforms = ExpectedPlatforms(platformNames);
        using var publicKey = publicKeyFile is null ? null : EcdsaPublicKey.FromFile(publicKeyFile);
        if (publicKey is null)
            log.Warning("No --signing-public-key: signatures are not checked, only the index and the SBOM and provenance referrers");
        using var registry = RegistryConnection.Open(settings, log);
        var verifier = new AttestationVerifier(registry.Client, publicKey);
        var verified = new Dictionary<string, VerifiedImage>();
        foreach (var tag in tags)
        {
            var digest = (await registry.Client.HeadManifestAsync(registry.AppRepository, tag, cancellation))?.Digest;
            if (digest is not null && verified.ContainsKey(digest))
                continue;
            var image = await verifier.VerifyAsync(registry.AppRepository, tag, platforms, cancellation);
            verified[image.IndexDigest] = image;
            foreach (var platform in image.Platforms)
                log.Information("{Reference} {Platform}: manifest {Manifest}, SBOM {Sbom}, provenance {Provenance}, signature {Signature}",
                    image.Reference, platform.Platform, platform.ManifestDigest, platform.SbomDigest, platform.ProvenanceDigest,
                    platform.SignatureDigest ?? "not checked");
        }
        VerificationSummary.Write(environment, verified.Values.ToArray());
        return $"{tags.Count} tags of {registry.App.Name} verified ({string.Join(", ", platforms)})"
            + (publicKey is null ? ", signatures not checked" : $", signed with {publicKey.Description}");
    }

    private IReadOnlyList<Platform> ExpectedPlatforms(IReadOnlyList<string> names)
    {
        if (names.Count > 0)
            return names.Select(Platform.Parse).ToArray();
        var recorded = new PushedDigests(temporaryDirectory)
            .ReadAll("give --platforms, the platforms the tags must hold, or run Push first");
        return recorded.Select(p => Platform.Parse(p.Platform)).ToArray();
    }
}
