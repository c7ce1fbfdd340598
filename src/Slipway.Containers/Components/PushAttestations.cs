using Serilog;
using Slipway.Containers.Attestations;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>
/// Push's supply-chain step for one registry: each pushed app platform manifest gets its SBOM and provenance as OCI
/// referrers (subject = that manifest; never an index entry) and, with a signer, its cosign signature; each app index
/// gets its signature. A manifest that already has both referrers keeps them (nothing is added twice); signing again
/// with the same key adds nothing either. What it adds is counted for the push's note.
/// </summary>
internal sealed class PushAttestations(RegistryConnection registry, IPayloadSigner? signer, bool attest, ILogger log)
{
    private readonly ImageAttestor attestor = new(registry.Client, BuildProvenance.SlipwayVersion);

    public bool IsEnabled => attest || signer is not null;

    public long BytesSent { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>What this push's attestations and signatures added, for the note; nothing when they added nothing.</summary>
    public string Describe() =>
        BytesSent == 0 ? "" : $"; attestations and signatures {BytesSent} bytes in {Elapsed.TotalSeconds:0.00} s";

    /// <summary>Whether <paramref name="manifest"/> still needs the image's bytes (an archive) to be attested.</summary>
    public async Task<bool> NeedsArchiveAsync(ContentDescriptor manifest, CancellationToken cancellation) =>
        attest && await ExistingAsync(manifest, cancellation) is null;

    /// <summary>Attests and signs one platform's app manifest; <paramref name="archive"/> is its <c>docker save</c> archive,
    /// needed only when <see cref="NeedsArchiveAsync"/> said so.</summary>
    public async Task<PushedAttestations?> AttestAsync(
        ContentDescriptor manifest, string? archive, Func<ProvenanceInputs> provenance, DateTimeOffset timestamp, CancellationToken cancellation)
    {
        if (!IsEnabled)
            return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (string Sbom, string Provenance)? referrers = null;
        if (attest)
        {
            referrers = await ExistingAsync(manifest, cancellation);
            if (referrers is null)
            {
                var attested = await attestor.AttestAsync(registry.AppRepository, manifest,
                    archive ?? throw new InvalidOperationException("no archive to attest " + manifest.Digest), provenance(), timestamp, null, cancellation);
                BytesSent += attested.BytesSent;
                referrers = (attested.Sbom.Manifest.Digest, attested.Provenance.Manifest.Digest);
            }
            else
                log.Information("{Digest} already has its SBOM {Sbom} and provenance {Provenance}", manifest.Digest, referrers.Value.Sbom, referrers.Value.Provenance);
        }
        Elapsed += clock.Elapsed;
        var signature = await SignAsync(manifest.Digest, cancellation);
        return new PushedAttestations(referrers?.Sbom, referrers?.Provenance, signature);
    }

    /// <summary>The signature manifest's digest, or null without a signer.</summary>
    public async Task<string?> SignAsync(string digest, CancellationToken cancellation)
    {
        if (signer is null)
            return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var signature = await attestor.SignAsync(registry.AppRepository, digest, signer, cancellation);
        BytesSent += signature.BytesSent;
        Elapsed += clock.Elapsed;
        log.Information("{Repository}@{Digest} signed with {Signer}: {Tag}{Again}", registry.AppRepository, digest, signer.Description, signature.Tag,
            signature.Added ? "" : " (that signature was there already)");
        return signature.ManifestDigest;
    }

    private async Task<(string Sbom, string Provenance)?> ExistingAsync(ContentDescriptor manifest, CancellationToken cancellation)
    {
        var referrers = await registry.Client.GetReferrersAsync(registry.AppRepository, manifest.Digest, cancellationToken: cancellation);
        var sbom = referrers.FirstOrDefault(r => r.ArtifactType == CycloneDxSbom.MediaType);
        var provenance = referrers.FirstOrDefault(r => r.ArtifactType == SlsaProvenance.MediaType);
        return sbom is null || provenance is null ? null : (sbom.Manifest.Digest, provenance.Manifest.Digest);
    }
}
