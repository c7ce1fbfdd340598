using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Components;

/// <summary>linux/arm64 routed to a second dockerd with --engines: its builder and app images are made there and only
/// there, pass VerifyArch with amd64's from the first engine, and Push puts both platforms into one index.</summary>
[Collection("engine")]
public sealed class NativeEngineTests(SecondEngine second) : IClassFixture<SecondEngine>, IAsyncLifetime
{
    private readonly SampleRepository _repository = new();
    private LocalRegistry? _registry;

    private string[] BothPlatformsOnTwoEngines => ["--platforms", "linux/amd64", "linux/arm64", "--engines", $"linux/arm64={second.Endpoint}"];

    [Fact]
    public async Task Arm64_routed_to_a_second_engine_is_built_and_verified_there_and_pushed_in_one_index_with_amd64()
    {
        var result = await _repository.RunAsync(["VerifyArch", .. BothPlatformsOnTwoEngines]);

        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        Assert.Contains($"linux/arm64 builds on its own engine at {second.Endpoint}", _repository.LastOutput);
        Assert.Equal("4 images verified", result["VerifyArch"]!.Note);
        using var first = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        foreach (var repository in new[] { _repository.ImageName + "-builder", _repository.ImageName })
        {
            Assert.True(await HasAsync(second.Engine, repository, "linux/arm64"), $"{repository} linux/arm64 is not in the second engine");
            Assert.False(await HasAsync(first, repository, "linux/arm64"), $"{repository} linux/arm64 is in the first engine too");
            Assert.True(await HasAsync(first, repository, "linux/amd64"), $"{repository} linux/amd64 is not in the first engine");
            Assert.False(await HasAsync(second.Engine, repository, "linux/amd64"), $"{repository} linux/amd64 is in the second engine");
        }

        _registry = await LocalRegistry.StartAsync();
        var pushed = $"acme/{_repository.ImageName.Split('/')[1]}";
        var push = await _repository.RunAsync(["Push", .. BothPlatformsOnTwoEngines, "--registry", $"{_registry.Address}/{pushed}",
            "--registry-username", LocalRegistry.Username, "--registry-password", LocalRegistry.Password]);

        Assert.True(push.ExitCode == 0, _repository.LastOutput);
        using var index = await Skopeo.InspectRawAsync(_registry.Address, pushed, "dev", LocalRegistry.Username, LocalRegistry.Password);
        var manifests = index.RootElement.GetProperty("manifests").EnumerateArray().ToDictionary(
            manifest => manifest.GetProperty("platform").GetProperty("architecture").GetString()!,
            manifest => manifest.GetProperty("digest").GetString()!);
        Assert.True(manifests.Keys.Order().SequenceEqual(["amd64", "arm64"]), index.RootElement.ToString());
        using var builderIndex = await Skopeo.InspectRawAsync(_registry.Address, pushed + "-builder", "dev-builder", LocalRegistry.Username, LocalRegistry.Password);
        Assert.Equal(2, builderIndex.RootElement.GetProperty("manifests").GetArrayLength());
        // The arm64 entry is the second engine's image: its config digest is that engine's image ID.
        var arm64App = (await second.Engine.ListImagesAsync(_repository.ImageName,
            new Dictionary<string, string> { ["org.slipway.platform"] = "linux/arm64" })).First();
        using var arm64Manifest = await SkopeoRawByDigestAsync($"{_registry.Address}/{pushed}@{manifests["arm64"]}");
        Assert.Equal(arm64App.Id, arm64Manifest.RootElement.GetProperty("config").GetProperty("digest").GetString());
    }

    private static async Task<bool> HasAsync(ContainerEngine engine, string repository, string platform) =>
        (await engine.ListImagesAsync(repository, new Dictionary<string, string> { ["org.slipway.platform"] = platform })).Count > 0;

    private static async Task<System.Text.Json.JsonDocument> SkopeoRawByDigestAsync(string reference)
    {
        var result = await ProcessRunner.RunCheckedAsync("skopeo", ["inspect", "--raw", "--tls-verify=false", "--creds",
            $"{LocalRegistry.Username}:{LocalRegistry.Password}", $"docker://{reference}"]);
        return System.Text.Json.JsonDocument.Parse(result.Stdout);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_registry is not null)
            await _registry.DisposeAsync();
        // SampleRepository cleans the first engine; the second keeps only its base images and build cache between runs.
        foreach (var repository in new[] { _repository.ImageName, _repository.ImageName + "-builder" })
            foreach (var image in await second.Engine.ListImagesAsync(repository, new Dictionary<string, string>()))
                foreach (var tag in image.Tags.Where(tag => tag.StartsWith(repository + ":", StringComparison.Ordinal)))
                    await second.Engine.RemoveImageAsync(tag, force: true);
        _repository.Dispose();
    }
}
