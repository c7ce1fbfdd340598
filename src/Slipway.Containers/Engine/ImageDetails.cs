using Slipway.Containers.Platforms;

namespace Slipway.Containers.Engine;

/// <summary>What the engine knows about one local image: identity, platform, labels, size and default user.</summary>
public sealed record ImageDetails(
    string Id,
    IReadOnlyList<string> Tags,
    string Os,
    string Architecture,
    string? Variant,
    IReadOnlyDictionary<string, string> Labels,
    long Size,
    string User,
    DateTimeOffset? Created)
{
    /// <summary>The platform in the image config, e.g. <c>linux/arm64</c> (arm64's default variant v8 left out, as Platform.Parse does).</summary>
    public Platform Platform => new(Os, Architecture, string.IsNullOrEmpty(Variant) || (Architecture, Variant) == ("arm64", "v8") ? null : Variant);
}
