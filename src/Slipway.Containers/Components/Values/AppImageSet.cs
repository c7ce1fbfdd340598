using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>The app image of every platform in this run, built by BuildAppImage or found built from the same inputs.</summary>
public sealed record AppImageSet(IReadOnlyList<ImageRecord> Images)
{
    public ImageRecord For(Platform platform) =>
        Images.FirstOrDefault(image => image.Platform == platform)
        ?? throw new SlipwayException($"no app image for {platform} in this run");
}
