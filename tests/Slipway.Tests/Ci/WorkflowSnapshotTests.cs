using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>The generated YAML of <see cref="CiSampleBuild"/>, one snapshot per shape. To accept a change, run the tests
/// with <c>SLIPWAY_UPDATE_SNAPSHOTS=1</c> and review the diff of <c>Ci/Snapshots/</c>.</summary>
public sealed class WorkflowSnapshotTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("builder.yml")]
    [InlineData("app.yml")]
    [InlineData("release.yml")]
    [InlineData("tests.yml")]
    public async Task Generated_workflow_matches_its_snapshot(string file)
    {
        var workflows = await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root);

        Snapshot.Match(workflows[file], file);
    }
}
