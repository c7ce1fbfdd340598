using System.Diagnostics;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Gives a pushed platform image its supply-chain records: the CycloneDX SBOM of its archive and the SLSA provenance
/// statement, both attached as OCI referrers (subject = the platform manifest), then its cosign signature. Indexes are
/// signed with <see cref="SignAsync"/>; they get no referrers and nothing is ever added to them.
/// </summary>
public sealed class ImageAttestor(RegistryClient client, string slipwayVersion)
{
    public const string CreatedAnnotation = "org.opencontainers.image.created";

    private readonly ReferrerAttacher referrers = new(client);
    private readonly CosignSignatures signatures = new(client);

    /// <summary>Reads the image's inventory from its <c>docker save</c> archive, then attests it.</summary>
    public async Task<PlatformAttestations> AttestAsync(
        string repository, ContentDescriptor manifest, string dockerSaveArchive, ProvenanceInputs provenance, DateTimeOffset timestamp,
        IPayloadSigner? signer, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var inventory = await ImageInventory.ReadFileAsync(dockerSaveArchive, cancellationToken: cancellationToken);
        var attested = await AttestAsync(repository, manifest, inventory, provenance, timestamp, signer, cancellationToken);
        return attested with { Elapsed = clock.Elapsed };
    }

    public async Task<PlatformAttestations> AttestAsync(
        string repository, ContentDescriptor manifest, ImageInventory inventory, ProvenanceInputs provenance, DateTimeOffset timestamp,
        IPayloadSigner? signer, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var subject = new SbomSubject($"{client.Registry}/{repository}", manifest.Digest, inventory.Platform);
        var created = new Dictionary<string, string> { [CreatedAnnotation] = AttestationTime.Format(timestamp) };

        var sbom = await referrers.AttachAsync(repository, manifest, CycloneDxSbom.MediaType,
            CycloneDxSbom.Write(inventory, subject, timestamp, slipwayVersion), created, cancellationToken);
        var provenanceAnnotations = new Dictionary<string, string>(created) { [SlsaProvenance.PredicateTypeAnnotation] = SlsaProvenance.PredicateType };
        var statement = await referrers.AttachAsync(repository, manifest, SlsaProvenance.MediaType,
            SlsaProvenance.Write(subject, provenance), provenanceAnnotations, cancellationToken);
        var signature = signer is null ? null : await signatures.SignAsync(repository, manifest.Digest, signer, cancellationToken);
        client.Options.Logger.Information(
            "Attested {Registry}/{Repository}@{Digest} ({Platform}): SBOM {Sbom} ({Components} components), provenance {Provenance}{Signed}",
            client.Registry, repository, manifest.Digest, inventory.Platform, sbom.Manifest.Digest,
            inventory.Distributions.Count + inventory.Packages.Count, statement.Manifest.Digest,
            signature is null ? "" : $", signature {signature.Tag}");
        return new PlatformAttestations(inventory.Platform, manifest, sbom, statement, signature, clock.Elapsed);
    }

    /// <summary>Signs any manifest by digest, e.g. the multi-platform index a tag points at.</summary>
    public Task<PushedSignature> SignAsync(string repository, string manifestDigest, IPayloadSigner signer, CancellationToken cancellationToken = default) =>
        signatures.SignAsync(repository, manifestDigest, signer, cancellationToken);
}
