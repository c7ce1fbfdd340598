using Docker.DotNet;
using Docker.DotNet.Models;

namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    /// <summary>The local image <paramref name="reference"/> (name:tag, name@digest or ID), or null when the engine has none.</summary>
    public Task<ImageDetails?> InspectImageAsync(string reference, CancellationToken cancellationToken = default) =>
        CallAsync($"inspecting image {reference}",
            async token => await _api.InspectImageAsync(reference, token) is { } image ? Describe(image) : null, cancellationToken);

    public async Task<bool> ImageExistsAsync(string reference, CancellationToken cancellationToken = default) =>
        await InspectImageAsync(reference, cancellationToken) is not null;

    /// <summary>Gives the local image <paramref name="source"/> the extra name <paramref name="target"/> (<c>repo[:tag]</c>).</summary>
    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var (repository, tag) = SplitReference(target);
        return CallAsync($"tagging {source} as {target}",
            token => Client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = repository, Tag = tag }, token),
            cancellationToken);
    }

    /// <summary>Removes a local image name (or the image, given its ID); false when there was nothing to remove.</summary>
    public Task<bool> RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default) =>
        CallAsync($"removing image {reference}", async token =>
        {
            try
            {
                await Client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = force }, token);
                return true;
            }
            catch (DockerImageNotFoundException)
            {
                return false;
            }
        }, cancellationToken, WorkTimeout);

    /// <summary>Loads images from a <c>docker save</c> archive (manifest.json + config + layer tars), as <c>docker load</c> does.</summary>
    public async Task LoadImagesAsync(Stream archive, CancellationToken cancellationToken = default)
    {
        var failure = default(string);
        var progress = new SynchronousProgress<JSONMessage>(message => failure ??= message.Error?.Message);
        try
        {
            await Client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, archive, progress, cancellationToken);
        }
        catch (Exception exception) when (EngineFailure.Translate(this, "loading images", exception) is { } translated)
        {
            throw translated;
        }
        if (failure is not null)
            throw new SlipwayException($"Docker engine could not load the image archive: {failure}");
    }

    private static ImageDetails Describe(EngineImage image) => new(
        image.Id, image.RepoTags, image.Os ?? "", image.Architecture ?? "", string.IsNullOrEmpty(image.Variant) ? null : image.Variant,
        image.Labels, image.Size, image.User ?? "", image.Created);

    /// <summary><c>host:5000/team/app:1.2</c> → (<c>host:5000/team/app</c>, <c>1.2</c>); no tag → <c>latest</c>.</summary>
    internal static (string Repository, string Tag) SplitReference(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }
}
