namespace Slipway.Containers.Tests.Attestations;

/// <summary>Metadata and dpkg status texts as real images hold them.</summary>
internal static class Samples
{
    public const string Venv = "opt/venv/lib/python3.11/site-packages";

    public static string Metadata(string name, string version, string? licenseLines = null) =>
        $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: a test distribution\n{licenseLines ?? ""}\nLong description that: is not a header\n";

    public static string DpkgEntry(string name, string version, string architecture = "amd64", string status = "install ok installed") =>
        $"Package: {name}\nStatus: {status}\nPriority: optional\nArchitecture: {architecture}\nVersion: {version}\nDescription: {name}\n more text\n\n";
}
