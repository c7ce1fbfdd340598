using Slipway.Containers.Attestations;

namespace Slipway.Containers.Components;

/// <summary>What Push publishes: the run's inputs and its builder and app images; by digest only for a CI matrix job;
/// with SBOM and provenance referrers unless <paramref name="Attest"/> is false, signed when there is a signer.</summary>
internal sealed record PushRequest(
    BuildInputs Inputs, BuilderImageSet Builders, AppImageSet Apps, bool ByDigest, bool Attest = true, IPayloadSigner? Signer = null);
