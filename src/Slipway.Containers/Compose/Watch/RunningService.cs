namespace Slipway.Containers.Compose.Watch;

/// <summary>The service's container as the watch last left it: a recreate gives it a new container and image.</summary>
internal sealed class RunningService(string container, string imageId)
{
    public string Container { get; set; } = container;

    /// <summary>The ID of the image the container was created from.</summary>
    public string ImageId { get; set; } = imageId;
}
