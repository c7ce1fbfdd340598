using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>A derived <see cref="GitHubActionsAttribute"/> contributes its own job shape through
/// <see cref="GitHubActionsAttribute.CreateJobs"/>; the engine adds checkout, cache and timeout, checks the targets the
/// jobs name and filters by their input paths.</summary>
public sealed class JobShapeTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_derived_attribute_writes_its_jobs_with_the_engine_steps_in_front()
    {
        var workflow = (await GeneratedWorkflows.OfAsync<ShapedBuild>(_root))["docs.yml"];

        Assert.Equal("./build.sh Compile --fast", RunLine(workflow, "compile"));
        Assert.Equal("./build.sh Publish", RunLine(workflow, "publish"));
        Assert.Equal("compile", WorkflowYaml.Text(workflow, "jobs", "publish", "needs"));
        Assert.Equal("30", WorkflowYaml.Text(workflow, "jobs", "publish", "timeout-minutes"));
        Assert.Equal(["Check out", "Cache ~/.nuget/packages", "Set up the tool", "Run Compile"], StepNames(workflow, "compile"));
        // Publish is named by the derived attribute only, and its input paths still join the filter.
        Assert.Equal([".github/workflows/docs.yml", "docs/**", "site/**"], WorkflowYaml.Strings(workflow, "on", "push", "paths"));
    }

    [Fact]
    public async Task A_target_the_derived_attribute_names_is_checked_against_the_build()
    {
        var run = await BuildRun.RunAsync<MisnamedBuild>(_root, ["--generate-configuration"], _ => null!);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: workflow 'docs': Then: unknown target 'Publsh'. Did you mean Publish? Available targets: Compile, Publish",
            Assert.Single(run.Lines));
    }

    private static string? RunLine(string yaml, string job) =>
        Steps(yaml, job).Select(step => step.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("run"), out var run) ? run.ToString() : null)
            .Single(run => run is not null);

    private static IReadOnlyList<string> StepNames(string yaml, string job) =>
        Steps(yaml, job).Select(step => step.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("name")].ToString()).ToArray();

    private static IEnumerable<YamlDotNet.RepresentationModel.YamlMappingNode> Steps(string yaml, string job) =>
        ((YamlDotNet.RepresentationModel.YamlSequenceNode)WorkflowYaml.Find(yaml, "jobs", job, "steps")!).Children
        .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>();

    /// <summary>Compiles with a tool set up first, then publishes in a job that needs the first.</summary>
    public sealed class TwoStageAttribute(string name) : GitHubActionsAttribute(name, GitHubActionsImage.Ubuntu2404)
    {
        public string Then { get; set; } = "Publish";

        public override IEnumerable<WorkflowJob> CreateJobs(WorkflowContext workflow)
        {
            var then = workflow.ResolveTargets([Then], nameof(Then));
            var setup = new WorkflowStep("Set up the tool") { Uses = "acme/setup-tool@v1", With = [("version", "1.0"), ("cache", true)] };
            return
            [
                new WorkflowJob("compile", "Compile", RunnerLabel.Of(Image), [setup, workflow.RunBuild(workflow.InvokedTargets, ["--fast"])]),
                new WorkflowJob("publish", "Publish", RunnerLabel.Of(Image), [workflow.RunBuild(then, [])]) { Needs = "compile" },
            ];
        }
    }

    [TwoStage("docs", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], TimeoutMinutes = 30, CachePaths = ["~/.nuget/packages"])]
    public sealed class ShapedBuild : SlipwayBuild
    {
        Target Compile => _ => _.InputPaths(() => ["docs/**"]).Executes(() => { });

        Target Publish => _ => _.InputPaths(() => ["site/**"]).Executes(() => { });
    }

    [TwoStage("docs", OnPushBranches = ["main"], InvokedTargets = [nameof(Compile)], Then = "Publsh")]
    public sealed class MisnamedBuild : SlipwayBuild
    {
        Target Compile => _ => _.Executes(() => { });

        Target Publish => _ => _.Executes(() => { });
    }
}
