using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>A base image to resolve: its reference, where it was named (<c>docker/Dockerfile line 3</c>,
/// <c>--builder-base-image</c>) for the one error line when it exists nowhere, and its role (<c>builder</c> or
/// <c>runtime</c>), which stand-in takes its place where stand-ins are asked for and its name is not one they stand in for.
/// <paramref name="PlatformFlag"/> is the stage's <c>--platform</c> as written (<c>$BUILDPLATFORM</c>), if any.</summary>
internal sealed record BaseImageRequest(string Reference, string Where, string Role, string? PlatformFlag = null)
{
    /// <summary>The platform the base is needed for when building for <paramref name="target"/> on an engine of
    /// platform <paramref name="build"/>: the target, unless the stage's <c>--platform</c> says otherwise.</summary>
    public Platform PlatformFor(Platform target, Platform build) =>
        PlatformFlag is { } flag && ShellWords.Expand(flag, '\\', PlatformArguments.For(target, build).GetValueOrDefault) is { Length: > 0 } expanded
            ? Platform.Parse(expanded)
            : target;
}
