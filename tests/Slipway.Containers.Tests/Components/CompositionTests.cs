using Slipway.Containers.Components;
using Slipway.Containers.Tests.Registry;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>Adopters mix the components they need: each build class below plans only what it implements, and Push
/// runs without VerifyArch when the build has no VerifyArch.</summary>
[Collection("engine")]
public sealed class CompositionTests : IAsyncLifetime
{
    public sealed class BuilderAndAppBuild : SlipwayBuild, IBuildAppImage;

    public sealed class AppAndPushBuild : SlipwayBuild, IPush;

    private readonly SampleRepository _repository = new();
    private LocalRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _repository.Dispose();
    }

    private async Task<string[]> PlannedAsync<TBuild>(params string[] targets) where TBuild : SlipwayBuild, new()
    {
        var result = await _repository.RunAsync<TBuild>(new Dictionary<string, string>(), [.. targets, "--plan", "--registry", "127.0.0.1:5000/acme/voice"]);
        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        return _repository.LastOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 3 && char.IsDigit(line[0]) && line.Contains(". run "))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2])
            .ToArray();
    }

    [Fact]
    public async Task Each_build_class_plans_only_the_components_it_implements()
    {
        Assert.Equal(["Restore", "SetupQemu", "BuildBuilderImage", "BuildAppImage"], await PlannedAsync<BuilderAndAppBuild>("BuildAppImage"));
        Assert.Equal(["Restore", "SetupQemu", "BuildBuilderImage", "BuildAppImage", "Push"], await PlannedAsync<AppAndPushBuild>("Push"));
        Assert.Equal(["Restore", "SetupQemu", "BuildBuilderImage", "BuildAppImage", "VerifyArch", "Push"],
            await PlannedAsync<SampleServiceBuild>("Push"));
    }

    [Fact]
    public async Task A_target_the_build_does_not_implement_is_unknown()
    {
        var result = await _repository.RunAsync<BuilderAndAppBuild>(new Dictionary<string, string>(), "Push", "--plan");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown target 'Push'", _repository.LastOutput.Trim());
    }

    [Fact]
    public async Task Push_without_VerifyArch_publishes_to_the_registry()
    {
        var repository = $"acme/{_repository.ImageName.Split('/')[1]}";
        var result = await _repository.RunAsync<AppAndPushBuild>(new Dictionary<string, string>(),
            "Push", "--registry", $"{_registry.Address}/{repository}", "--registry-username", LocalRegistry.Username,
            "--registry-password", LocalRegistry.Password);

        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        Assert.Null(result["VerifyArch"]);
        Assert.Equal(TargetStatus.Succeeded, result["Push"]!.Status);
        using var index = await Skopeo.InspectRawAsync(_registry.Address, repository, "dev", LocalRegistry.Username, LocalRegistry.Password);
        Assert.Equal(1, index.RootElement.GetProperty("manifests").GetArrayLength());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_registry_without_a_repository_is_one_error_line_before_anything_is_built(bool plan)
    {
        string[] arguments = plan ? ["Push", "--plan", "--registry", "127.0.0.1:5301"] : ["Push", "--registry", "127.0.0.1:5301"];
        var result = await _repository.RunAsync<AppAndPushBuild>(new Dictionary<string, string>(), arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--registry '127.0.0.1:5301' names no repository", _repository.LastOutput);
        Assert.DoesNotContain("127.0.0.1:5301:latest", _repository.LastOutput);
        Assert.True(result["BuildBuilderImage"] is null or { Status: not TargetStatus.Succeeded }, _repository.LastOutput);
    }
}
