namespace Slipway.Containers.Attestations;

/// <summary>A Python distribution installed in the image's venv, from its <c>*.dist-info/METADATA</c>. <see cref="License"/>
/// is an SPDX expression when the metadata gives one (<c>License-Expression</c>), else the free text or classifier names.</summary>
public sealed record PythonDistribution(string Name, string Version, PackageLicense? License)
{
    /// <summary>The name normalised as PEP 503 does (lower case, runs of <c>-_.</c> as one <c>-</c>): <c>Voice_Native</c> → <c>voice-native</c>.</summary>
    public string NormalizedName => PackageUrl.NormalizePythonName(Name);

    /// <summary><c>pkg:pypi/voice-native@0.1.0</c>.</summary>
    public string Purl => $"pkg:pypi/{PackageUrl.Encode(NormalizedName)}@{PackageUrl.Encode(Version)}";
}
