using Slipway.Execution;

namespace Slipway.Containers.Tests.Components;

/// <summary>The seed's problem end to end on the real engine, host platform: the builder is built once per dependency
/// hash, code edits rebuild only the app image, and a dependency edit rebuilds the builder naming the file.</summary>
[Collection("engine")]
public sealed class BuilderAppSplitTests : IDisposable
{
    private readonly SampleRepository _repository = new();

    [Fact]
    public async Task Builder_is_rebuilt_only_when_its_dependency_hash_changes()
    {
        var first = await _repository.RunAsync("BuildAppImage");
        Assert.True(first.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, first["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, first["BuildAppImage"]!.Status);

        var again = await _repository.RunAsync("BuildAppImage");
        Assert.True(again.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, again["BuildBuilderImage"]!.Status);
        Assert.Matches("^up to date \\(inputs [0-9a-f]{12}\\)$", again["BuildBuilderImage"]!.Note);
        Assert.Equal(TargetStatus.UpToDate, again["BuildAppImage"]!.Status);

        _repository.Append("app/voice/server.py", "\n# an edit of the service code only\n");
        var codeEdit = await _repository.RunAsync("BuildAppImage");
        Assert.True(codeEdit.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, codeEdit["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, codeEdit["BuildAppImage"]!.Status);
        Assert.Contains("BuildAppImage runs: inputs changed since the previous run: app/voice/server.py", _repository.LastOutput);

        _repository.Append("app/requirements.txt", "\n# an edit of the dependency manifest\n");
        var dependencyEdit = await _repository.RunAsync("BuildAppImage");
        Assert.True(dependencyEdit.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, dependencyEdit["BuildBuilderImage"]!.Status);
        Assert.Contains("inputs changed since the previous run: app/requirements.txt", _repository.LastOutput);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the engine tests run on Linux
    public async Task App_image_is_skipped_only_while_the_engine_holds_it_as_built_from_the_same_inputs()
    {
        var first = await _repository.RunAsync("BuildAppImage");
        Assert.True(first.ExitCode == 0, _repository.LastOutput);
        var built = first["BuildAppImage"]!.Note!["built ".Length..]; // e.g. slipway-it/voice-1a2b3c4d:dev

        var again = await _repository.RunAsync("BuildAppImage", "VerifyArch");
        Assert.True(again.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, again["BuildAppImage"]!.Status);
        Assert.Equal("2 images verified", again["VerifyArch"]!.Note); // the app image found up to date is verified too
        Assert.Contains($"{built} (linux/", _repository.LastOutput);

        var verifiedBefore = await _repository.RunAsync("VerifyArch");
        Assert.Equal(TargetStatus.UpToDate, verifiedBefore["VerifyArch"]!.Status); // same image IDs passed before
        var forced = await _repository.RunAsync("VerifyArch", "--force", "VerifyArch", "BuildBuilderImage");
        Assert.True(forced.ExitCode == 0, _repository.LastOutput);
        Assert.Equal("2 images verified", forced["VerifyArch"]!.Note);
        Assert.Equal(TargetStatus.Succeeded, forced["BuildBuilderImage"]!.Status);
        Assert.StartsWith("built linux/", forced["BuildBuilderImage"]!.Note);
        Assert.Contains("BuildBuilderImage runs: forced by --force", _repository.LastOutput);

        _repository.RemoveImage(built);
        var removed = await _repository.RunAsync("BuildAppImage");
        Assert.True(removed.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, removed["BuildAppImage"]!.Status);
        Assert.Contains("but what the previous run made is gone", _repository.LastOutput);

        File.SetUnixFileMode(_repository.Root / "app/voice/server.py", (UnixFileMode)0b111_101_101); // same bytes, new mode
        var modeChange = await _repository.RunAsync("BuildAppImage");
        Assert.True(modeChange.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, modeChange["BuildAppImage"]!.Status);
        Assert.Contains("inputs changed since the previous run: build context as sent to the engine", _repository.LastOutput);
    }

    [Fact]
    public async Task VerifyArch_passes_on_good_images_and_TestApp_runs_the_service_tests()
    {
        var result = await _repository.RunAsync("VerifyArch", "TestApp");

        Assert.True(result.ExitCode == 0, _repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, result["VerifyArch"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, result["TestApp"]!.Status);
        Assert.Contains("verified", _repository.LastOutput);
    }

    public void Dispose() => _repository.Dispose();
}
