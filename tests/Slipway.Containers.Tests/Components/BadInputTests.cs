using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>Every bad input ends in one clear line and exit code 1.</summary>
[Collection("engine")]
public sealed class BadInputTests : IDisposable
{
    private readonly SampleRepository _repository = new();

    private async Task<string> FailsWith(params string[] arguments)
    {
        var result = await _repository.RunAsync(arguments);
        Assert.True(result.ExitCode == 1, _repository.LastOutput);
        return _repository.LastOutput;
    }

    [Fact]
    public async Task An_invalid_platform_is_named()
    {
        Assert.Contains("invalid platform 'linux/arm65'", await FailsWith("BuildAppImage", "--platforms", "linux/arm65"));
    }

    [Fact]
    public async Task An_invalid_image_name_is_named()
    {
        var output = await FailsWith("Restore", "--image-name", "Acme/Voice App");
        Assert.Contains("invalid image name 'Acme/Voice App'", output);
    }

    [Fact]
    public async Task A_missing_dockerfile_is_named()
    {
        File.Delete(_repository.Root / "docker" / "builder.Dockerfile");
        Assert.Contains("builder Dockerfile docker/builder.Dockerfile does not exist", await FailsWith("BuildAppImage"));
    }

    [Fact]
    public async Task A_missing_dependency_manifest_is_named()
    {
        File.Delete(_repository.Root / "app" / "requirements.txt");
        Assert.Contains("docker/builder.Dockerfile line 25: COPY app/requirements.txt is not in the build context", await FailsWith("BuildAppImage"));
    }

    [Fact]
    public async Task An_unreachable_engine_says_where_and_what_to_do()
    {
        var output = await FailsWith("Restore", "--docker-host", "unix:///tmp/no-such-docker.sock");
        Assert.Contains("Docker engine at unix:///tmp/no-such-docker.sock does not answer", output);
    }

    [Fact]
    public async Task An_unavailable_base_image_is_named()
    {
        var output = await FailsWith("Restore", "--base-images", "Official", "--builder-base-image", "slipway-it/no-such-base:1");
        Assert.Contains("slipway-it/no-such-base:1", output);
    }

    [Fact]
    public async Task A_failing_build_step_names_the_step_and_leaves_no_tag_behind()
    {
        _repository.Append("app/native/voice_native.c", "\nthis is not C;\n");

        var result = await _repository.RunAsync("BuildBuilderImage");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(TargetStatus.Failed, result["BuildBuilderImage"]!.Status);
        Assert.Contains("pip install", result["BuildBuilderImage"]!.Note);
        using var engine = Slipway.Containers.Engine.ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        Assert.Empty(await engine.ListImagesAsync(_repository.ImageName + "-builder", new Dictionary<string, string>()));
    }

    public void Dispose() => _repository.Dispose();
}
