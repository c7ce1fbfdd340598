using Docker.DotNet.Models;
using Platform = Slipway.Containers.Platforms.Platform;

namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    /// <summary>Pulls <paramref name="reference"/> for <paramref name="platform"/>; the engine reports failures as
    /// progress lines, not exceptions, so every line is checked.</summary>
    public async Task PullImageAsync(string reference, Platform platform, RegistryLogin? login, CancellationToken cancellationToken)
    {
        var (repository, tag) = SplitReference(reference);
        var failure = default(string);
        var progress = new SynchronousProgress<JSONMessage>(message => failure ??= message.Error?.Message);
        var auth = login is null ? new AuthConfig() : new AuthConfig { Username = login.Username, Password = login.Password, ServerAddress = login.Server };
        try
        {
            await Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tag, Platform = platform.ToString() },
                auth, progress, cancellationToken);
        }
        catch (Exception exception) when (EngineFailure.Translate(this, $"pulling {reference}", exception) is { } translated)
        {
            throw translated;
        }
        if (failure is not null)
            throw new SlipwayException($"image {reference} for {platform} could not be pulled: {failure}");
    }
}
