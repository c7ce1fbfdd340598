using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Ci;

/// <summary><c>BuildSecrets = ["pip=PIP_INDEX_TOKEN"]</c> on <see cref="GitHubActionsImagesAttribute"/>: every job that
/// builds images gets the repository secret under its name and <c>BUILD_SECRETS</c> pointing at it; the YAML never holds
/// a value. Mistakes: <see cref="BuildSecretsErrorTests"/>.</summary>
public sealed class BuildSecretsWorkflowTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Every_job_that_builds_images_gets_the_build_secrets_and_the_merge_job_none()
    {
        var workflows = await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root);

        var matrix = Env(workflows["release.yml"], "build");
        Assert.Equal("${{ secrets.PIP_INDEX_TOKEN }}", matrix["PIP_INDEX_TOKEN"]);
        Assert.Equal("${{ secrets.NETRC }}", matrix["NETRC"]);
        Assert.Equal("id=pip,env=PIP_INDEX_TOKEN id=netrc,env=NETRC", matrix["BUILD_SECRETS"]);
        Assert.Equal("${{ secrets.REGISTRY_TOKEN }}", matrix["REGISTRY_TOKEN"]);
        Assert.Equal(matrix.Keys.Order(StringComparer.Ordinal), matrix.Keys);
        var merge = Env(workflows["release.yml"], "merge");
        Assert.DoesNotContain("BUILD_SECRETS", merge.Keys);
        Assert.DoesNotContain("PIP_INDEX_TOKEN", merge.Keys);
        Assert.Equal("${{ secrets.REGISTRY_TOKEN }}", merge["REGISTRY_TOKEN"]);
        var qemu = Env(workflows["app.yml"], "build");
        Assert.Equal(new Dictionary<string, string>
        {
            ["BUILD_SECRETS"] = "id=pip,env=PIP_INDEX_TOKEN",
            ["PIP_INDEX_TOKEN"] = "${{ secrets.PIP_INDEX_TOKEN }}",
        }, qemu);
        Assert.DoesNotContain("BUILD_SECRETS", workflows["builder.yml"]);
    }

    [Fact]
    public async Task The_value_on_the_generating_machine_is_never_written()
    {
        var workflows = await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root, new Dictionary<string, string>
        {
            ["PIP_INDEX_TOKEN"] = "pypi-AgEIcHlwaS5vcmc-local-value",
            ["BUILD_SECRETS"] = "id=pip,env=PIP_INDEX_TOKEN",
        });

        Assert.All(workflows.Values, text => Assert.DoesNotContain("pypi-AgEIcHlwaS5vcmc", text));
        Assert.Equal("${{ secrets.PIP_INDEX_TOKEN }}", Env(workflows["app.yml"], "build")["PIP_INDEX_TOKEN"]);
    }

    [Fact]
    public async Task A_secret_the_workflow_imports_already_or_two_ids_share_is_written_once()
    {
        var workflow = (await GeneratedWorkflows.OfAsync<SharedSecret>(_root))["images.yml"];

        Assert.Equal(new Dictionary<string, string>
        {
            ["BUILD_SECRETS"] = "id=registry,env=REGISTRY_TOKEN id=npm,env=REGISTRY_TOKEN",
            ["REGISTRY_TOKEN"] = "${{ secrets.REGISTRY_TOKEN }}",
        }, Env(workflow, "build"));
    }

    /// <summary>The <c>env:</c> of the step of <paramref name="job"/> that runs <c>./build.sh</c>, in the order written.</summary>
    private static IReadOnlyDictionary<string, string> Env(string yaml, string job)
    {
        var steps = ((YamlSequenceNode)WorkflowYaml.Find(yaml, "jobs", job, "steps")!).Children.OfType<YamlMappingNode>();
        var run = steps.Single(step => step.Children.ContainsKey(new YamlScalarNode("run")));
        if (!run.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            return new Dictionary<string, string>();
        return ((YamlMappingNode)env).Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString());
    }

    [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"], InvokedTargets = ["Push"],
        ImportSecrets = ["RegistryToken"], BuildSecrets = ["registry=REGISTRY_TOKEN", "npm=REGISTRY_TOKEN"])]
    public sealed class SharedSecret : BuildSecretsErrorTests.Images;
}
