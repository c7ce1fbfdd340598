using Slipway.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Ci;

/// <summary>Every job caches the temporary folder, so a job after the first finds the compiled build and does not
/// compile it again; the jobs that hand the digests folder under it to a later job leave only that folder out.</summary>
public sealed class CachePathTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task The_matrix_and_merge_jobs_cache_the_temporary_folder_without_the_digests_they_hand_on()
    {
        var workflows = await GeneratedWorkflows.OfAsync<CiSampleBuild>(_root);

        Assert.Equal([".nuke/temp", "~/.nuget/packages", "!.nuke/temp/digests"], CachePaths(workflows["release.yml"], "build"));
        Assert.Equal([".nuke/temp", "~/.nuget/packages", "!.nuke/temp/digests"], CachePaths(workflows["release.yml"], "merge"));
        Assert.Equal([".nuke/temp", "~/.nuget/packages"], CachePaths(workflows["app.yml"], "build"));
    }

    private static string[] CachePaths(string yaml, string job) =>
        ((YamlSequenceNode)WorkflowYaml.Find(yaml, "jobs", job, "steps")!).Children.OfType<YamlMappingNode>()
        .Where(step => step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && uses.ToString().StartsWith("actions/cache@", StringComparison.Ordinal))
        .Select(step => ((YamlMappingNode)step.Children[new YamlScalarNode("with")]).Children[new YamlScalarNode("path")].ToString())
        .Single().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
