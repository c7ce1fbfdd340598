using Slipway.Tests.Support;

namespace Slipway.Tests.Parameters;

public sealed class ParameterSourceTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Command_line_sets_a_field_ignoring_case_and_dashes()
    {
        var build = new SampleBuild();
        var run = await Run(build, "--RETRIES", "5", "--flavour=release");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, build.Retries);
        Assert.Equal(Flavour.Release, build.Flavour);
    }

    [Fact]
    public async Task Environment_sets_a_parameter_and_the_prefixed_variable_wins()
    {
        var build = new SampleBuild();
        await Run(build, new Dictionary<string, string> { ["RETRIES"] = "4", ["FLAVOUR"] = "Release", ["SLIPWAY_FLAVOUR"] = "Debug" });

        Assert.Equal(4, build.Retries);
        Assert.Equal(Flavour.Debug, build.Flavour);
    }

    [Fact]
    public async Task Parameters_json_sets_a_parameter()
    {
        _root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Retries": 7, "Platforms": ["linux/arm64"] }""");
        var build = new SampleBuild();
        await Run(build);

        Assert.Equal(7, build.Retries);
        Assert.Equal(["linux/arm64"], build.Platforms);
    }

    [Fact]
    public async Task Precedence_is_command_line_then_environment_then_profile_then_parameters_json_then_default()
    {
        _root.Write(".nuke/parameters.json", """{ "Retries": 1, "Flavour": "Release", "Timeout": 10, "Slow": true }""");
        _root.Write(".nuke/parameters.ci.json", """{ "Retries": 2, "Flavour": "Debug", "Timeout": 20 }""");
        var environment = new Dictionary<string, string> { ["RETRIES"] = "3", ["TIMEOUT"] = "30" };
        var build = new SampleBuild();

        await Run(build, environment, "--profile", "ci", "--retries", "4");

        Assert.Equal(4, build.Retries);                    // command line
        Assert.Equal(30, build.Timeout);                   // environment
        Assert.Equal(Flavour.Debug, build.Flavour);        // profile over parameters.json
        Assert.True(build.Slow);                           // parameters.json
        Assert.Equal(["linux/amd64"], build.Platforms);    // default in code
    }

    [Fact]
    public async Task A_getter_only_property_is_assigned_through_its_backing_field()
    {
        var build = new SampleBuild();
        await Run(build, "--platforms", "linux/amd64", "linux/arm64");

        Assert.Equal(["linux/amd64", "linux/arm64"], build.Platforms);
    }

    [Fact]
    public async Task Interface_properties_read_the_resolved_value_or_their_fallback()
    {
        var build = new SampleBuild();
        await Run(build, "--tags", "v1,latest");
        IPublishComponent component = build;

        Assert.Equal("ghcr.io/acme", component.Registry);
        Assert.Equal(["v1", "latest"], component.Tags);

        var other = new SampleBuild();
        await Run(other, new Dictionary<string, string> { ["SLIPWAY_REGISTRY"] = "localhost:5000/voice" });
        Assert.Equal("localhost:5000/voice", ((IPublishComponent)other).Registry);
    }

    [Fact]
    public async Task Later_profiles_win_over_earlier_ones()
    {
        _root.Write(".nuke/parameters.a.json", """{ "Retries": 1 }""");
        _root.Write(".nuke/parameters.b.json", """{ "Retries": 2 }""");
        var build = new SampleBuild();

        await Run(build, "--profile", "a", "b");

        Assert.Equal(2, build.Retries);
    }

    [Fact]
    public async Task A_build_can_ask_which_source_set_a_parameter_and_none_for_a_default()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"Timeout\": 10\n}");
        var build = new SampleBuild();

        await Run(build, new Dictionary<string, string> { ["FLAVOUR"] = "Release" }, "--retries", "4");

        Assert.Equal("--retries", build.ParameterOrigin(nameof(SampleBuild.Retries)));
        Assert.Equal("environment variable FLAVOUR", build.ParameterOrigin(nameof(SampleBuild.Flavour)));
        Assert.Equal(".nuke/parameters.json:2", build.ParameterOrigin(nameof(SampleBuild.Timeout)));
        Assert.Null(build.ParameterOrigin(nameof(SampleBuild.Platforms)));
    }

    private Task<BuildRun> Run(SampleBuild build, params string[] arguments) =>
        Run(build, new Dictionary<string, string>(), arguments);

    private Task<BuildRun> Run(SampleBuild build, Dictionary<string, string> environment, params string[] arguments) =>
        BuildRun.RunAsync<SampleBuild>(_root, ["Restore", .. arguments], b => b.Test, environment, build: build);
}
