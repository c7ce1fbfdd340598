using Slipway.Ci;

namespace Slipway.Containers.Components;

/// <summary>On GitHub Actions, the supply-chain records of the pushed app images in the job summary: per platform its
/// manifest and the digests of its SBOM, provenance and signature; the index's signature below. Elsewhere nothing.</summary>
internal static class AttestationSummary
{
    public static void Write(
        IReadOnlyDictionary<string, string> environment, RegistryConnection registry, IReadOnlyList<PushedPlatform> pushed, PushedIndexSignature? index)
    {
        var summary = StepSummary.For(environment);
        if (!summary.IsEnabled || pushed.All(p => p.Attestations is null))
            return;
        var rows = pushed.Select(platform => (IReadOnlyList<string?>)
        [
            platform.Platform, $"`{platform.App.Digest}`", Code(platform.Attestations?.Sbom), Code(platform.Attestations?.Provenance),
            Code(platform.Attestations?.Signature),
        ]).ToList();
        if (index is not null)
            rows.Add(["(index)", $"`{index.Index}`", "", "", Code(index.Signature)]);
        summary.AppendHeading($"Attestations of {registry.App.Name}")
            .AppendTable(["platform", "manifest", "SBOM", "provenance", "signature"], rows);
    }

    private static string Code(string? digest) => digest is null ? "none" : $"`{digest}`";
}
