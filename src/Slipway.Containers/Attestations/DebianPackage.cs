namespace Slipway.Containers.Attestations;

/// <summary>A Debian package installed in the image, from <c>/var/lib/dpkg/status</c> (or <c>status.d/</c>).</summary>
public sealed record DebianPackage(string Name, string Version, string Architecture)
{
    /// <summary><c>pkg:deb/debian/libportaudio2@19.6.0-1.2?arch=amd64</c>.</summary>
    public string Purl => $"pkg:deb/debian/{PackageUrl.Encode(Name)}@{PackageUrl.Encode(Version)}?arch={PackageUrl.Encode(Architecture)}";
}
