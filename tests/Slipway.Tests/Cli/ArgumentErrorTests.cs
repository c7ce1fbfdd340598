using Slipway.Tests.Support;

namespace Slipway.Tests.Cli;

public sealed class ArgumentErrorTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(new[] { "NoSuchTarget" }, "error: unknown target 'NoSuchTarget'. Available targets: Restore, Compile, Test, Lint, Publish, Package, Push")]
    [InlineData(new[] { "Compiel" }, "error: unknown target 'Compiel'. Did you mean Compile? Available targets: Restore, Compile, Test, Lint, Publish, Package, Push")]
    [InlineData(new[] { "--no-such-param", "x" }, "error: unknown parameter --no-such-param (see --help for the parameters and options)")]
    [InlineData(new[] { "--verbosity", "loud" }, "error: --verbosity: 'loud' is not a verbosity; use quiet, minimal, normal or verbose")]
    [InlineData(new[] { "--verbosity" }, "error: option --verbosity takes one value <level>")]
    [InlineData(new[] { "--plan=yes" }, "error: option --plan takes no value")]
    [InlineData(new[] { "--root", "does/not/exist" }, "error: --root: directory {root}/does/not/exist does not exist")]
    [InlineData(new[] { "Test", "--skip", "Nothing" }, "error: unknown target 'Nothing'. Available targets: Restore, Compile, Test, Lint, Publish, Package, Push")]
    public async Task A_bad_argument_exits_1_with_one_line(string[] arguments, string expected)
    {
        var build = new SampleBuild();

        var run = await BuildRun.RunAsync<SampleBuild>(_root, arguments, b => b.Test, build: build);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected.Replace("{root}", _root.Path), Assert.Single(run.Lines));
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Without_a_nuke_directory_above_the_working_directory_the_error_says_so()
    {
        var outside = Path.Combine(Path.GetTempPath(), "slipway-no-root-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outside);
        try
        {
            var output = new StringWriter();
            var invocation = new Slipway.Execution.Invocation(["Test"]) { WorkingDirectory = outside, Output = output };

            var result = await BuildRunner.RunAsync(new SampleBuild(), invocation, b => ((SampleBuild)b).Test);

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"error: no .nuke/ directory in {outside} or any directory above it", output.ToString());
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Fact]
    public async Task The_stack_trace_is_shown_only_when_verbose()
    {
        var quiet = await BuildRun.RunAsync<SampleBuild>(_root, ["NoSuchTarget"], b => b.Test);
        var verbose = await BuildRun.RunAsync<SampleBuild>(_root, ["NoSuchTarget", "--verbosity", "verbose"], b => b.Test);

        Assert.Single(quiet.Lines);
        Assert.Contains("at Slipway.", verbose.Output);
    }
}
