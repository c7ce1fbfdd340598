using Slipway.Containers.Tests.GitHub;
using Slipway.Containers.Tests.Registry;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>PruneBuilderImages and PublishRelease as targets: images pushed to a real registry, GitHub played by the
/// local stand-in that Octokit talks to.</summary>
[Collection("engine")]
public sealed class GitHubTargetsTests : IAsyncLifetime
{
    private readonly SampleRepository _repository = new();
    private readonly GitHubStandIn _github = new();
    private LocalRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync();

    private string Name => _repository.ImageName.Split('/')[1];

    private string[] RegistryArguments =>
    [
        "--registry", $"{_registry.Address}/acme/{Name}", "--registry-username", LocalRegistry.Username,
        "--registry-password", LocalRegistry.Password, "--git-hub-token", _github.Token, "--git-hub-api-url", _github.BaseUrl.ToString(),
    ];

    [Fact]
    public async Task Pruning_keeps_the_newest_hashes_and_those_app_images_use_and_deletes_only_with_apply()
    {
        var pushed = await _repository.RunAsync(["Push", .. RegistryArguments]);
        Assert.True(pushed.ExitCode == 0, _repository.LastOutput);
        var usedHash = pushed["Restore"]!.Note!.Split("deps-")[1][..12];
        _github.AddOrganization("acme");
        var package = $"{Name}-builder";
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        _github.AddVersion("acme", package, 1, "sha256:" + new string('1', 64), start, $"deps-{usedHash}");
        for (var i = 2; i <= 6; i++)
            _github.AddVersion("acme", package, i, "sha256:" + new string((char)('0' + i), 64), start.AddDays(i), $"deps-{i}{new string('a', 11)}");

        var dryRun = await _repository.RunAsync(["PruneBuilderImages", "--prune-keep", "2", .. RegistryArguments]);
        Assert.True(dryRun.ExitCode == 0, _repository.LastOutput);
        Assert.Equal("dry run: would delete 3 of 6 versions of " + package + " (--prune-apply deletes)", dryRun["PruneBuilderImages"]!.Note);
        Assert.Equal(6, _github.VersionIds("acme", package).Count);
        Assert.DoesNotContain(_github.Token, _repository.LastOutput);

        var applied = await _repository.RunAsync(["PruneBuilderImages", "--prune-keep", "2", "--prune-apply", .. RegistryArguments]);
        Assert.True(applied.ExitCode == 0, _repository.LastOutput);
        Assert.Equal([1L, 5L, 6L], _github.VersionIds("acme", package).Order());
    }

    [Fact]
    public async Task A_semver_tag_publishes_a_release_listing_the_per_platform_digests()
    {
        _repository.CommitAll("main", "v1.4.0");
        _github.AddRepository("acme", "voice");
        var environment = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "acme/voice" };

        var result = await _repository.RunAsync(environment, ["Push", "PublishRelease", .. RegistryArguments]);

        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        Assert.StartsWith("release v1.4.0 created", result["PublishRelease"]!.Note);
        var body = (string)_github.Release("acme", "voice", "v1.4.0")!["body"]!;
        Assert.Contains($"{_registry.Address}/acme/{Name}", body);
        Assert.Contains("linux/amd64", body);
        Assert.Contains("sha256:", body);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _github.Dispose();
        _repository.Dispose();
    }
}
