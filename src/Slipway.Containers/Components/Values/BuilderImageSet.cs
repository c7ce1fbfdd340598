using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>The builder image of every platform in this run, found or built by BuildBuilderImage.</summary>
public sealed record BuilderImageSet(IReadOnlyList<ImageRecord> Images)
{
    public ImageRecord For(Platform platform) =>
        Images.FirstOrDefault(image => image.Platform == platform)
        ?? throw new SlipwayException($"no builder image for {platform} in this run");
}
