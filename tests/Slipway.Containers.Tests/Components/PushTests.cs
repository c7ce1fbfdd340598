using System.Text.Json;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Registry;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>Push against a real registry (Debian's docker-registry with htpasswd on 127.0.0.1), read back by skopeo.</summary>
[Collection("engine")]
public sealed class PushTests : IAsyncLifetime
{
    private readonly SampleRepository _repository = new();
    private LocalRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync();

    private string Repository => $"acme/{_repository.ImageName.Split('/')[1]}";

    private Task<BuildResult> PushAsync(string password, params string[] more) =>
        _repository.RunAsync(["Push", "--registry", $"{_registry.Address}/{Repository}", "--registry-username", LocalRegistry.Username,
            "--registry-password", password, .. more]);

    [Fact]
    public async Task Push_publishes_one_index_per_tag_that_skopeo_reads_back_with_both_platforms()
    {
        var result = await PushAsync(LocalRegistry.Password, "--platforms", "linux/amd64", "linux/arm64");
        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        Assert.DoesNotContain(LocalRegistry.Password, _repository.LastOutput);

        using var index = await Skopeo.InspectRawAsync(_registry.Address, Repository, "dev", LocalRegistry.Username, LocalRegistry.Password);
        var platforms = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(manifest => manifest.GetProperty("platform").GetProperty("architecture").GetString()!).Order().ToArray();
        Assert.True(platforms.SequenceEqual(["amd64", "arm64"]), index.RootElement.ToString());
        using var builderIndex = await Skopeo.InspectRawAsync(_registry.Address, Repository + "-builder", "dev-builder", LocalRegistry.Username, LocalRegistry.Password);
        Assert.Equal(2, builderIndex.RootElement.GetProperty("manifests").GetArrayLength());

        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        foreach (var architecture in platforms)
        {
            var reference = $"{_registry.Address}/{Repository}:dev";
            await engine.PullImageAsync(reference, Slipway.Containers.Platforms.Platform.Parse($"linux/{architecture}"),
                new RegistryLogin(_registry.Address, LocalRegistry.Username, LocalRegistry.Password), CancellationToken.None);
            Assert.Equal(architecture, (await engine.InspectImageAsync(reference))!.Architecture);
            await engine.RemoveImageAsync(reference, force: true);
        }

        var again = await PushAsync(LocalRegistry.Password, "--platforms", "linux/amd64", "linux/arm64");
        Assert.True(again.ExitCode == 0, _repository.LastOutput);
        Assert.True(again["Push"]!.Note!.EndsWith(", 0 bytes sent"), _repository.LastOutput);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_one_line_and_publishes_nothing()
    {
        var result = await PushAsync("wrong-password");

        Assert.Equal(1, result.ExitCode);
        var failed = Assert.Single(result.Targets, target => target.Status == TargetStatus.Failed);
        Assert.Contains("UNAUTHORIZED", failed.Note);
        Assert.DoesNotContain("wrong-password", _repository.LastOutput);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{LocalRegistry.Username}:{LocalRegistry.Password}")));
        var tags = await http.GetAsync($"http://{_registry.Address}/v2/{Repository}/tags/list");
        var body = await tags.Content.ReadAsStringAsync();
        Assert.True(!tags.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("tags").ValueKind == JsonValueKind.Null, body);
    }

    [Fact]
    public async Task A_builder_already_in_the_registry_is_pulled_instead_of_rebuilt()
    {
        var first = await PushAsync(LocalRegistry.Password);
        Assert.True(first.ExitCode == 0, _repository.LastOutput);
        using var elsewhere = new SampleRepository();

        var result = await elsewhere.RunAsync("BuildBuilderImage", "--registry", $"{_registry.Address}/{Repository}",
            "--registry-username", LocalRegistry.Username, "--registry-password", LocalRegistry.Password);

        Assert.True(result.ExitCode == 0, elsewhere.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, result["BuildBuilderImage"]!.Status); // the pull is the target's work, not its up-to-date check's
        Assert.Contains("is in the registry: pulled instead of rebuilt", elsewhere.LastOutput);
        Assert.DoesNotContain("linux/amd64: building ", elsewhere.LastOutput);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _repository.Dispose();
    }
}
