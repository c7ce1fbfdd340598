using Slipway.Tests.Support;

namespace Slipway.Tests.Parameters;

public sealed class ParameterErrorTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_unknown_parameter_fails_with_one_line_and_suggests_the_closest_name()
    {
        var run = await Run("--retires", "3");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown parameter --retires; did you mean --retries? (see --help for the parameters and options)", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task An_unknown_parameter_far_from_any_name_is_still_one_line()
    {
        var run = await Run("--no-such-param", "x");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown parameter --no-such-param (see --help for the parameters and options)", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Malformed_json_fails_naming_the_file_and_line()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"Retries\": 3\n  \"Slow\": true\n}\n");

        var run = await Run();

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.StartsWith("error: .nuke/parameters.json:3: malformed JSON:", line);
    }

    [Fact]
    public async Task An_unknown_key_in_a_parameters_file_fails_naming_the_file_and_line()
    {
        _root.Write(".nuke/parameters.ci.json", "{\n  \"Retries\": 3,\n  \"Flavor\": \"Release\"\n}\n");

        var run = await Run("--profile", "ci");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: .nuke/parameters.ci.json:3: unknown parameter 'Flavor'; did you mean 'Flavour'?", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_malformed_value_in_a_parameters_file_names_the_file_and_line()
    {
        _root.Write(".nuke/parameters.json", "{\n\n  \"Retries\": \"three\"\n}\n");

        var run = await Run();

        Assert.Equal("error: parameter Retries (.nuke/parameters.json:3): 'three' is not an integer", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_missing_profile_fails()
    {
        var run = await Run("--profile", "nightly");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: profile 'nightly' not found: .nuke/parameters.nightly.json does not exist", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_missing_required_parameter_fails_before_any_target_runs()
    {
        var build = new RequiredBuild();

        var run = await BuildRun.RunAsync<RequiredBuild>(_root, [], b => b.Deploy, build: build);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: missing required parameter: --environment-name (or environment variable ENVIRONMENT_NAME)", Assert.Single(run.Lines));
        Assert.False(build.Deployed);
    }

    [Fact]
    public async Task A_required_parameter_with_a_value_lets_the_build_run()
    {
        var build = new RequiredBuild();

        var run = await BuildRun.RunAsync<RequiredBuild>(_root, ["--environment-name", "staging"], b => b.Deploy, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.True(build.Deployed);
    }

    [Fact]
    public async Task A_directory_where_the_parameters_file_should_be_is_one_error_line()
    {
        Directory.CreateDirectory(_root.Path / ".nuke" / "parameters.json");

        var run = await Run();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: .nuke/parameters.json is a directory, not a parameters file: remove it or put a JSON object of parameter values there",
            Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_directory_where_a_profile_file_should_be_is_one_error_line()
    {
        Directory.CreateDirectory(_root.Path / ".nuke" / "parameters.ci.json");

        var run = await Run("--profile", "ci");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: .nuke/parameters.ci.json is a directory, not a parameters file", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task A_parameter_read_as_another_type_than_it_holds_fails_at_startup_naming_the_member()
    {
        var build = new MismatchedBuild();

        var run = await BuildRun.RunAsync<MismatchedBuild>(_root, ["--retries", "5"], b => b.Deploy, build: build);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: parameter Retries (IHazRetries.Retries): Retries reads its parameter as long, but the parameter holds int: " +
            "read it with ParameterValue<int>(nameof(Retries), …) or declare the parameter with the type it is read as",
            Assert.Single(run.Lines));
        Assert.False(build.Deployed);
    }

    [Fact]
    public async Task A_parameter_read_as_its_own_type_is_no_error()
    {
        var build = new MismatchedBuild();

        var run = await BuildRun.RunAsync<MismatchedBuild>(_root, ["--timeout", "9"], b => b.Deploy, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(9, ((IHazRetries)build).Timeout);
    }

    public interface IHazRetries : ISlipwayBuild
    {
        // The mistake this guards against: the fallback is a long, so the int the parameter holds never matched.
        [Parameter("How often to retry")]
        int Retries => (int)ParameterValue(nameof(Retries), 3L);

        [Parameter("Seconds to wait")]
        int Timeout => ParameterValue(nameof(Timeout), 30);
    }

    public sealed class MismatchedBuild : SlipwayBuild, IHazRetries
    {
        public bool Deployed { get; private set; }

        public Target Deploy => _ => _.Executes(() => Deployed = true);
    }

    private Task<BuildRun> Run(params string[] arguments) =>
        BuildRun.RunAsync<SampleBuild>(_root, ["Restore", .. arguments], b => b.Test);

    public sealed class RequiredBuild : SlipwayBuild
    {
        [Parameter("Where to deploy"), Required]
        public readonly string? EnvironmentName;

        public bool Deployed { get; private set; }

        public Target Deploy => _ => _.Executes(() => Deployed = true);
    }
}
