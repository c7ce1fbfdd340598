using System.Diagnostics;
using System.Runtime.Versioning;
using Slipway.Containers.Tests.Attestations;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;
using Slipway.Execution;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Components;

/// <summary>
/// The sample on the current engine, in one pass that covers what the first engine's tests cover one by one: the
/// builder/app split (a code edit rebuilds only the app image), both platforms (arm64 under QEMU) through VerifyArch,
/// a signed two-platform push to the local registry read back by skopeo, and VerifyImages on the attestations.
/// </summary>
[Collection("current engine")]
[SupportedOSPlatform("linux")]
public sealed class CurrentEngineTests(CurrentEngine current, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SampleRepository _repository = new(current.Endpoint);
    private readonly TempFolder _folder = new();
    private LocalRegistry _registry = null!;

    private string Repository => $"acme/{_repository.ImageName.Split('/')[1]}";

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync();

    private async Task<BuildResult> RunAsync(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await _repository.RunAsync<CurrentEngineServiceBuild>(new Dictionary<string, string>(), arguments);
        output.WriteLine($"{string.Join(' ', arguments.Take(4))} on {current.Endpoint}: exit {result.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        return result;
    }

    [Fact]
    public async Task The_sample_builds_verifies_pushes_both_platforms_and_passes_VerifyImages_on_the_current_engine()
    {
        var first = await RunAsync("BuildAppImage");
        Assert.Equal(TargetStatus.Succeeded, first["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, first["BuildAppImage"]!.Status);
        _repository.Append("app/voice/server.py", "\n# an edit of the service code only\n");
        var codeEdit = await RunAsync("BuildAppImage");
        Assert.Equal(TargetStatus.UpToDate, codeEdit["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, codeEdit["BuildAppImage"]!.Status);

        var keys = await SigningKeys.CreateAsync(_folder.Path, "correct passphrase");
        string[] registry = ["--registry", $"{_registry.Address}/{Repository}", "--registry-username", LocalRegistry.Username,
            "--registry-password", LocalRegistry.Password];
        var push = await RunAsync(["VerifyArch", "Push", "--platforms", "linux/amd64", "linux/arm64",
            "--signing-key", keys.EncryptedPrivateKey, "--signing-key-passphrase", keys.Passphrase, .. registry]);
        Assert.Equal("4 images verified", push["VerifyArch"]!.Note);
        Assert.Contains($"{_repository.ImageName}:dev-linux-arm64 (linux/arm64): verified", _repository.LastOutput);
        Assert.Matches(@"bytes sent; attestations and signatures \d+ bytes in ", push["Push"]!.Note);
        using var index = await Skopeo.InspectRawAsync(_registry.Address, Repository, "dev", LocalRegistry.Username, LocalRegistry.Password);
        var platforms = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(manifest => manifest.GetProperty("platform").GetProperty("architecture").GetString()!).Order().ToArray();
        Assert.True(platforms.SequenceEqual(["amd64", "arm64"]), index.RootElement.ToString());

        var verify = await RunAsync(["VerifyImages", "--signing-public-key", keys.PublicKey, .. registry]);
        Assert.Contains("verified (linux/amd64, linux/arm64), signed with ECDSA P-256 key", verify["VerifyImages"]!.Note);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _repository.Dispose();
        _folder.Dispose();
    }
}
