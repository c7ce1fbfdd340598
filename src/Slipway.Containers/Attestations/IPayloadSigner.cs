namespace Slipway.Containers.Attestations;

/// <summary>
/// Signs cosign payloads. <see cref="EcdsaKeySigner"/> signs with a PEM key; a keyless signer (a Fulcio certificate
/// for an OIDC identity, a Rekor entry) fits the same shape by returning its certificate and bundle as annotations
/// (<c>dev.sigstore.cosign/certificate</c>, <c>dev.sigstore.cosign/chain</c>, <c>dev.sigstore.cosign/bundle</c>).
/// </summary>
public interface IPayloadSigner
{
    /// <summary>What signs, for logs and errors: e.g. <c>ECDSA P-256 key SHA256:ab12…</c>. Never secret.</summary>
    string Description { get; }

    /// <summary>The signature of the payload: for keys, ASN.1 DER ECDSA over its SHA-256.</summary>
    Task<PayloadSignature> SignAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Whether a signature already stored for this payload is this signer's, so signing again adds nothing.</summary>
    bool IsOwnSignature(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature);
}
