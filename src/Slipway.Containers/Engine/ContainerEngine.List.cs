using Docker.DotNet.Models;

namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    /// <summary>Local images of <paramref name="repository"/> carrying every label in <paramref name="labels"/>, newest first.</summary>
    public async Task<IReadOnlyList<ImageDetails>> ListImagesAsync(
        string repository, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["reference"] = new Dictionary<string, bool> { [repository] = true },
            ["label"] = labels.ToDictionary(pair => $"{pair.Key}={pair.Value}", _ => true),
        };
        var listed = await CallAsync($"listing images of {repository}",
            token => Client.Images.ListImagesAsync(new ImagesListParameters { Filters = filters }, token), cancellationToken);
        var details = new List<ImageDetails>();
        foreach (var image in listed.OrderByDescending(image => image.Created))
        {
            if (await InspectImageAsync(image.ID, cancellationToken) is { } found)
                details.Add(found);
        }
        return details;
    }
}
