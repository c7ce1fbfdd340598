using Slipway.Containers.Engine;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>Both platforms on one engine, arm64 under QEMU: every image passes VerifyArch on its bytes, and an app
/// image carrying a venv from the other platform fails, naming the file.</summary>
[Collection("engine")]
public sealed class MultiPlatformTests : IDisposable
{
    private readonly SampleRepository _repository = new();

    [Fact]
    public async Task Arm64_images_built_under_qemu_pass_VerifyArch_and_a_foreign_venv_is_named()
    {
        var both = await _repository.RunAsync("VerifyArch", "--platforms", "linux/amd64", "linux/arm64");
        Assert.True(both.ExitCode == 0, _repository.LastOutput);
        Assert.Matches(@"-builder:deps-[0-9a-f]{12} \(linux/arm64\): (the one ELF file is|all \d+ ELF files are) for linux/arm64", _repository.LastOutput);
        Assert.Contains($"{_repository.ImageName}:dev-linux-arm64 (linux/arm64): verified", _repository.LastOutput);

        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        var arm64Builder = (await engine.ListImagesAsync(_repository.ImageName + "-builder",
            new Dictionary<string, string> { ["org.slipway.platform"] = "linux/arm64" })).First().Tags[0];
        var dockerfile = _repository.Root / "docker" / "app.Dockerfile";
        File.WriteAllText(dockerfile, File.ReadAllText(dockerfile)
            .Replace("FROM ${BUILDER_IMAGE} AS builder", $"FROM --platform=linux/arm64 {arm64Builder} AS builder"));

        // The rewritten FROM no longer takes BUILDER_IMAGE, so the contract is named by hand (the ARG is still declared).
        var broken = await _repository.RunAsync("VerifyArch", "--platforms", "linux/amd64", "--builder-image-arg", "BUILDER_IMAGE");

        Assert.True(broken.ExitCode == 1, _repository.LastOutput);
        Assert.Equal(TargetStatus.Failed, broken["VerifyArch"]!.Status);
        Assert.Matches(@"/opt/venv/\S+voice_native\S*\.so is AArch64 \(arm64\), expected amd64 for linux/amd64", broken["VerifyArch"]!.Note);
    }

    public void Dispose() => _repository.Dispose();
}
