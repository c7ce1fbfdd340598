namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    /// <summary>Writes the <c>docker save</c> archive of <paramref name="reference"/> to <paramref name="file"/> (config,
    /// layers, manifest.json), for a registry push that does not go through the engine.</summary>
    public async Task SaveImageAsync(string reference, string file, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var archive = await Client.Images.SaveImageAsync(reference, cancellationToken);
            await using var output = File.Create(file);
            await archive.CopyToAsync(output, cancellationToken);
        }
        catch (Exception exception) when (EngineFailure.Translate(this, $"saving image {reference}", exception) is { } translated)
        {
            File.Delete(file);
            throw translated;
        }
    }
}
