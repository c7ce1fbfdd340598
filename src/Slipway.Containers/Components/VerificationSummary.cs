using Slipway.Ci;
using Slipway.Containers.Attestations;

namespace Slipway.Containers.Components;

/// <summary>On GitHub Actions, what VerifyImages found in the job summary: per tag and platform the manifest and the
/// digests of its SBOM, provenance and signature. Elsewhere nothing.</summary>
internal static class VerificationSummary
{
    public static void Write(IReadOnlyDictionary<string, string> environment, IReadOnlyList<VerifiedImage> images)
    {
        var summary = StepSummary.For(environment);
        if (!summary.IsEnabled || images.Count == 0)
            return;
        var rows = images.SelectMany(image => image.Platforms.Select(platform => (IReadOnlyList<string?>)
        [
            $"`{image.Reference}`", platform.Platform.ToString(), $"`{platform.ManifestDigest}`", $"`{platform.SbomDigest}`",
            $"`{platform.ProvenanceDigest}`", platform.SignatureDigest is { } signature ? $"`{signature}`" : "not checked",
        ]));
        summary.AppendHeading("Verified images").AppendTable(["tag", "platform", "manifest", "SBOM", "provenance", "signature"], rows);
    }
}
