using Slipway.Execution;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Execution;

public sealed class IncrementalTargetTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    private sealed class CompileBuild : SlipwayBuild
    {
        public int Runs { get; private set; }
        public string Configuration { get; init; } = "Release";
        Target Compile => _ => _
            .Inputs(inputs => inputs.Files("src/**/*.py").Value("configuration", Configuration))
            .Executes(() => Runs++);
    }

    private sealed class ImageBuild : SlipwayBuild
    {
        public HashSet<string> Existing { get; } = [];
        Target Image => _ => _
            .Inputs(inputs => inputs.Files("requirements.txt"))
            .UpToDateWhen(inputs => Existing.Contains(inputs.Hash))
            .Executes(() => { });
    }

    private void Write(string relative, string text)
    {
        var path = _harness.Root / relative;
        Directory.CreateDirectory(path.Parent);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task A_target_whose_inputs_did_not_change_is_skipped_as_up_to_date()
    {
        Write("src/app/main.py", "print('hi')\n");
        var first = new CompileBuild();
        await _harness.RunAsync(first, "Compile");

        var second = new CompileBuild();
        var result = await _harness.RunAsync(second, "Compile");

        Assert.Equal(1, first.Runs);
        Assert.Equal(0, second.Runs);
        Assert.Equal(TargetStatus.UpToDate, result["Compile"]!.Status);
        Assert.Matches("^up to date \\(inputs [0-9a-f]{12}\\)$", result["Compile"]!.Note);
    }

    [Fact]
    public async Task A_changed_input_runs_the_target_and_the_log_names_it()
    {
        Write("src/app/main.py", "print('hi')\n");
        Write("src/app/util.py", "X = 1\n");
        await _harness.RunAsync(new CompileBuild(), "Compile");
        Write("src/app/util.py", "X = 2\n");

        var build = new CompileBuild { Configuration = "Debug" };
        var result = await _harness.RunAsync(build, "Compile");

        Assert.Equal(1, build.Runs);
        Assert.Equal(TargetStatus.Succeeded, result["Compile"]!.Status);
        Assert.Contains("inputs changed since the previous run: configuration, src/app/util.py", _harness.LogText);
    }

    [Fact]
    public async Task Line_endings_do_not_change_the_input_hash()
    {
        Write("src/app/main.py", "a\nb\n");
        await _harness.RunAsync(new CompileBuild(), "Compile");
        Write("src/app/main.py", "a\r\nb\r\n");

        var result = await _harness.RunAsync(new CompileBuild(), "Compile");

        Assert.Equal(TargetStatus.UpToDate, result["Compile"]!.Status);
    }

    [Fact]
    public async Task The_output_check_decides_when_the_target_declares_one()
    {
        Write("requirements.txt", "numpy\n");
        var build = new ImageBuild();
        var before = await _harness.RunAsync(build, "Image");
        var hash = new Slipway.Targets.Incremental.InputSetBuilder(_harness.Root).Files("requirements.txt").Build().Hash;
        build.Existing.Add(hash);

        var after = await _harness.RunAsync(build, "Image");

        Assert.Equal(TargetStatus.Succeeded, before["Image"]!.Status);
        Assert.Equal(TargetStatus.UpToDate, after["Image"]!.Status);
        Assert.Equal($"up to date (inputs {hash[..12]})", after["Image"]!.Note);
    }

    [Fact]
    public async Task Unchanged_inputs_whose_output_is_gone_run_the_target_and_the_log_says_so()
    {
        Write("requirements.txt", "numpy\n");
        var build = new ImageBuild();
        await _harness.RunAsync(build, "Image");

        var again = await _harness.RunAsync(build, "Image");

        Assert.Equal(TargetStatus.Succeeded, again["Image"]!.Status);
        Assert.Matches("Image runs: inputs unchanged \\(inputs [0-9a-f]{12}\\), but what the previous run made is gone", _harness.LogText);
        Assert.DoesNotContain("inputs changed since the previous run", _harness.LogText);
    }

    public void Dispose() => _harness.Dispose();
}
