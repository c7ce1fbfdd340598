namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// A tiny real image made by the local Docker engine without a pull: <c>docker import</c> of a one-file tar, exported
/// with <c>docker save</c> (the same format the engine API's <c>GET /images/{name}/get</c> streams), then removed.
/// </summary>
internal static class EngineImage
{
    public static async Task<byte[]> SaveTinyImageAsync(string fileContent)
    {
        var name = $"slipway-registry-test/tiny:{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("slipway-engine-image-").FullName;
        try
        {
            var tar = Path.Combine(folder, "rootfs.tar");
            await File.WriteAllBytesAsync(tar, SyntheticImage.LayerTar(new Dictionary<string, byte[]>
            {
                ["hello.txt"] = System.Text.Encoding.UTF8.GetBytes(fileContent),
            }));
            await ProcessRunner.RunCheckedAsync("docker", ["import", "--change", "CMD [\"/hello.txt\"]", tar, name]);
            var saved = Path.Combine(folder, "image.tar");
            await ProcessRunner.RunCheckedAsync("docker", ["save", "-o", saved, name]);
            return await File.ReadAllBytesAsync(saved);
        }
        finally
        {
            await ProcessRunner.RunAsync("docker", ["rmi", "--force", name]);
            Directory.Delete(folder, recursive: true);
        }
    }
}
