using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

public sealed class PathFilterTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task The_builder_workflow_triggers_on_exactly_the_builder_inputs_and_its_own_file()
    {
        var builder = (await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root))["builder.yml"];

        string[] expected = [".github/workflows/builder.yml", "app/native/**", "app/requirements*.txt", "docker/builder.Dockerfile"];
        Assert.Equal(expected, WorkflowYaml.Strings(builder, "on", "push", "paths"));
        Assert.Equal(expected, WorkflowYaml.Strings(builder, "on", "pull_request", "paths"));
    }

    [Fact]
    public async Task The_app_workflow_triggers_on_the_app_inputs_and_on_the_builder_inputs_it_depends_on()
    {
        var app = (await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root))["app.yml"];

        // app/** covers the builder's app/native/** and app/requirements*.txt; the exclusion comes last.
        Assert.Equal(
            [".dockerignore", ".github/workflows/app.yml", "app/**", "docker/app.Dockerfile", "docker/builder.Dockerfile", "!app/**/*.md"],
            WorkflowYaml.Strings(app, "on", "push", "paths"));
    }

    [Fact]
    public async Task A_changed_input_declaration_changes_the_filter()
    {
        _root.Write(".nuke/parameters.json", """{ "Manifests": ["app/pyproject.toml", "app/uv.lock"] }""");

        var builder = (await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root))["builder.yml"];

        Assert.Equal(
            [".github/workflows/builder.yml", "app/native/**", "app/pyproject.toml", "app/uv.lock", "docker/builder.Dockerfile"],
            WorkflowYaml.Strings(builder, "on", "push", "paths"));
    }

    [Fact]
    public async Task A_workflow_whose_targets_declare_no_input_paths_has_no_path_filter()
    {
        var tests = (await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root))["tests.yml"];

        Assert.Null(WorkflowYaml.Find(tests, "on", "push", "paths"));
        Assert.Null(WorkflowYaml.Find(tests, "on", "pull_request", "paths"));
    }

    [Fact]
    public async Task A_push_filtered_by_tags_alone_gets_no_path_filter_because_GitHub_ignores_it_for_tags()
    {
        var release = (await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root))["release.yml"];

        Assert.Equal(["v*"], WorkflowYaml.Strings(release, "on", "push", "tags"));
        Assert.Null(WorkflowYaml.Find(release, "on", "push", "paths"));
    }

    [Fact]
    public async Task PathFilters_false_turns_the_filter_off()
    {
        var builder = (await GeneratedWorkflows.OfAsync<UnfilteredBuild>(_root))["builder.yml"];

        Assert.Null(WorkflowYaml.Find(builder, "on", "push", "paths"));
    }

    [Theory]
    [InlineData("docker/builder.Dockerfile", "docker/builder.Dockerfile")]
    [InlineData("/app/requirements*.txt", "app/requirements*.txt")]
    [InlineData("./app/**/*.py", "app/**/*.py")]
    [InlineData(@"app\native\**", "app/native/**")]
    [InlineData("app/lib?.so", "app/lib*.so")]
    [InlineData("app/c++/[x].txt", @"app/c\+\+/\[x\].txt")]
    [InlineData("!important", @"\!important")]
    public void Engine_globs_become_GitHub_patterns(string glob, string pattern) =>
        Assert.Equal(pattern, GitHubPathPattern.From(glob, "w", "target T"));

    [Theory]
    [InlineData("../shared/requirements.txt")]
    [InlineData("app/../../x")]
    public void An_input_outside_the_root_cannot_be_a_path_filter(string glob)
    {
        var error = Assert.Throws<SlipwayException>(() => GitHubPathPattern.From(glob, "builder", "target BuildBuilderImage"));

        Assert.Equal(
            $"workflow 'builder': target BuildBuilderImage declares the input path '{glob}', which is not inside the root; " +
            "a GitHub path filter can only name files of the repository", error.Message);
    }

    [GitHubActions("builder", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], PathFilters = false,
        InvokedTargets = [nameof(BuildBuilderImage)])]
    public sealed class UnfilteredBuild : SlipwayBuild
    {
        Target BuildBuilderImage => _ => _.InputPaths(() => ["docker/builder.Dockerfile"]).Executes(() => { });
    }
}
