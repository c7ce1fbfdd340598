using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>Every generated workflow passes actionlint: this repository's committed ones, and one of each shape.</summary>
public sealed class ActionlintTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task The_committed_workflows_pass_actionlint()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Workflows, "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        await AssertCleanAsync(files);
    }

    [Fact]
    public async Task Workflows_of_every_shape_pass_actionlint()
    {
        await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root);

        await AssertCleanAsync(Directory.EnumerateFiles(_root.Path / ".github" / "workflows", "*.yml").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Actionlint_reports_a_broken_workflow()
    {
        var file = _root.Write("broken.yml", "on: push\njobs:\n  merge:\n    needs: build\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nothing }}\n");

        var (exitCode, output) = await Actionlint.RunAsync([file]);

        Assert.Equal(1, exitCode);
        Assert.Contains("job \"merge\" needs job \"build\" which does not exist", output);
        Assert.Contains("property \"nothing\" is not defined", output);
        Assert.DoesNotContain("ubuntu-24.04", output);
    }

    private static async Task AssertCleanAsync(IReadOnlyList<string> files)
    {
        var (exitCode, output) = await Actionlint.RunAsync(files);
        Assert.True(exitCode == 0, $"actionlint found problems in generated workflows:\n{output}");
    }
}
