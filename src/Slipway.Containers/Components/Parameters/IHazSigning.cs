using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Containers.Components;

public interface IHazSigning : ISlipwayBuild
{
    [Parameter("Attach an SBOM and SLSA provenance to every pushed app image as OCI referrers (false: push the images only)")]
    bool Attestations => ParameterValue(nameof(Attestations), true);

    [Parameter("PEM ECDSA P-256 private key (e.g. cosign.key) that signs every pushed app manifest and index in cosign's format")]
    AbsolutePath? SigningKey => ParameterValue<AbsolutePath?>(nameof(SigningKey), null);

    [Parameter("Passphrase of an encrypted --signing-key"), Secret]
    string? SigningKeyPassphrase => ParameterValue<string?>(nameof(SigningKeyPassphrase), null);

    [Parameter("PEM public key (e.g. cosign.pub) that VerifyImages checks every signature with (without it: no signature check)")]
    AbsolutePath? SigningPublicKey => ParameterValue<AbsolutePath?>(nameof(SigningPublicKey), null);
}
