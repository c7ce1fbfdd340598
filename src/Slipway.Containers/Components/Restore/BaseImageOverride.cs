namespace Slipway.Containers.Components;

/// <summary>A base image set explicitly (<c>--builder-base-image</c>, its environment variable, a parameters file) and
/// the source that set it: it replaces what the Dockerfile names, in memory.</summary>
internal sealed record BaseImageOverride(string Reference, string Origin)
{
    /// <summary>The override of parameter <paramref name="memberName"/>, null when no source set it.</summary>
    public static BaseImageOverride? Of(ISlipwayBuild build, string memberName, string? value) =>
        value is { Length: > 0 } reference ? new(reference, build.ParameterOrigin(memberName) ?? "the build class") : null;
}
