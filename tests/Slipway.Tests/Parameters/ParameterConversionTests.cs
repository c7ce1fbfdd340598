using Slipway.Paths;
using Slipway.Tests.Support;

namespace Slipway.Tests.Parameters;

public sealed class ParameterConversionTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_bool_flag_alone_is_true_and_takes_an_explicit_false()
    {
        var on = new SampleBuild();
        await Run(on, "--slow");
        Assert.True(on.Slow);

        _root.Write(".nuke/parameters.json", """{ "Slow": true }""");
        var off = new SampleBuild();
        await Run(off, "--slow", "false");
        Assert.False(off.Slow);
    }

    [Fact]
    public async Task Enum_values_are_matched_ignoring_case_and_a_wrong_one_lists_the_allowed_values()
    {
        var build = new SampleBuild();
        await Run(build, "--flavour", "RELEASE");
        Assert.Equal(Flavour.Release, build.Flavour);

        var run = await Run(new SampleBuild(), "--flavour", "Fast");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: parameter Flavour (--flavour): 'Fast' is not one of Debug, Release", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Arrays_take_several_values_a_comma_list_or_a_json_array_from_the_environment()
    {
        var fromArguments = new SampleBuild();
        await Run(fromArguments, "--platforms", "linux/amd64", "linux/arm64");
        Assert.Equal(["linux/amd64", "linux/arm64"], fromArguments.Platforms);

        var fromText = new SampleBuild();
        await Run(fromText, new Dictionary<string, string> { ["PLATFORMS"] = "linux/amd64, linux/arm64 linux/riscv64" });
        Assert.Equal(["linux/amd64", "linux/arm64", "linux/riscv64"], fromText.Platforms);

        var fromJson = new SampleBuild();
        await Run(fromJson, new Dictionary<string, string> { ["PLATFORMS"] = """["linux/arm64"]""" });
        Assert.Equal(["linux/arm64"], fromJson.Platforms);
    }

    [Fact]
    public async Task Paths_are_resolved_against_the_root()
    {
        var relative = new SampleBuild();
        await Run(relative, "--artifacts", "out/images");
        Assert.Equal(_root.Path / "out" / "images", relative.Artifacts);

        var absolute = new SampleBuild();
        await Run(absolute, "--artifacts", "/var/tmp/images");
        Assert.Equal(AbsolutePath.From("/var/tmp/images"), absolute.Artifacts);
    }

    [Fact]
    public async Task Nullable_parameters_stay_null_until_set()
    {
        var unset = new SampleBuild();
        await Run(unset);
        Assert.Null(unset.Timeout);

        var set = new SampleBuild();
        await Run(set, "--timeout", "90");
        Assert.Equal(90, set.Timeout);
    }

    [Theory]
    [InlineData("--retries", "many", "error: parameter Retries (--retries): 'many' is not an integer")]
    [InlineData("--retries", "", "error: parameter Retries (--retries): '' is not an integer")]
    [InlineData("--slow", "maybe", "error: parameter Slow (--slow): 'maybe' is not true or false")]
    public async Task A_malformed_value_fails_with_one_line_naming_the_parameter(string name, string value, string expected)
    {
        var run = await Run(new SampleBuild(), name, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected, Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_scalar_given_two_values_fails()
    {
        var run = await Run(new SampleBuild(), "--retries", "1", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: parameter Retries (--retries): takes one value but got 2: '1' '2'", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_malformed_value_from_the_environment_names_the_variable()
    {
        var run = await Run(new SampleBuild(), new Dictionary<string, string> { ["SLIPWAY_RETRIES"] = "x" });

        Assert.Equal("error: parameter Retries (environment variable SLIPWAY_RETRIES): 'x' is not an integer", Assert.Single(run.Lines));
    }

    private Task<BuildRun> Run(SampleBuild build, params string[] arguments) =>
        Run(build, new Dictionary<string, string>(), arguments);

    private Task<BuildRun> Run(SampleBuild build, Dictionary<string, string> environment, params string[] arguments) =>
        BuildRun.RunAsync<SampleBuild>(_root, ["Restore", "--no-logo", .. arguments], b => b.Test, environment, build: build);
}
