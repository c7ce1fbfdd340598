namespace Slipway.Containers.Provisioning;

/// <summary>Where the builder and runtime base images come from.</summary>
public enum BaseImageSource
{
    /// <summary>Local or pulled; where the official images cannot be had and the machine can build stand-ins, the stand-ins.</summary>
    Auto,

    /// <summary>Only the images the Dockerfiles or the parameters name, pulled when missing; a stand-in tagged under an
    /// official name does not count.</summary>
    Official,

    /// <summary>Local stand-ins made with mmdebstrap (Debian bookworm, Python 3.11), cached by their package lists.</summary>
    StandIn,
}
