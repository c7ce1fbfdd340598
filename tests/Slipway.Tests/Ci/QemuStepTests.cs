using Slipway.Ci;
using Slipway.Containers.Ci;
using Slipway.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Ci;

/// <summary>The QEMU shape registers emulation the way GitHub users expect: a pinned docker/setup-qemu-action step for
/// the platforms foreign to the runner, and none when every platform is native to it.</summary>
public sealed class QemuStepTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_foreign_platform_gets_a_pinned_setup_qemu_step_before_the_build()
    {
        var workflows = await GeneratedWorkflows.OfAsync<QemuBuild>(_root);

        var amd64Runner = workflows["both.yml"];
        Assert.Equal(["Check out", "Cache .nuke/temp and ~/.nuget/packages", "Set up QEMU for arm64", "Run Compile"], StepNames(amd64Runner));
        Assert.Contains("        uses: docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392  # v3.6.0\n" +
                        "        with:\n          platforms: arm64\n", amd64Runner);
        Assert.Contains("platforms: amd64\n", workflows["on-arm.yml"]);
        Assert.Equal(["Check out", "Cache .nuke/temp and ~/.nuget/packages", "Run Compile"], StepNames(workflows["native.yml"]));
        Assert.DoesNotContain("setup-qemu", workflows["native.yml"]);
    }

    private static IReadOnlyList<string> StepNames(string yaml) =>
        ((YamlSequenceNode)WorkflowYaml.Find(yaml, "jobs", "build", "steps")!).Children.OfType<YamlMappingNode>()
        .Select(step => step.Children[new YamlScalarNode("name")].ToString()).ToArray();

    [GitHubActionsImages("both", GitHubActionsImage.Ubuntu2404, On = [GitHubActionsTrigger.Push],
        InvokedTargets = [nameof(Compile)], Platforms = ["linux/amd64", "linux/arm64"])]
    [GitHubActionsImages("on-arm", GitHubActionsImage.Ubuntu2404Arm, On = [GitHubActionsTrigger.Push],
        InvokedTargets = [nameof(Compile)], Platforms = ["linux/arm64", "linux/amd64"])]
    [GitHubActionsImages("native", GitHubActionsImage.Ubuntu2404, On = [GitHubActionsTrigger.Push],
        InvokedTargets = [nameof(Compile)], Platforms = ["linux/amd64"])]
    public sealed class QemuBuild : SlipwayBuild
    {
        Target Compile => _ => _.Executes(() => { });
    }
}
