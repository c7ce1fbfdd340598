using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>The tags Push would write with the current parameters and sources, for --help and --plan.</summary>
internal static class TagPreview
{
    public static string Describe(IContainerBuild build)
    {
        var revision = SourceRevisionReader.Read(build.EnvironmentVariables, build.RootDirectory, build.DefaultBranch);
        var repository = string.IsNullOrWhiteSpace(build.Registry) ? "<--registry>" : build.Registry.ToLowerInvariant();
        var builderTags = TagStrategy.BuilderTags(revision, "deps-<hash12 per platform>");
        return $"tags {repository}:{string.Join(",", TagStrategy.AppTags(revision))} and {repository}-builder:{string.Join(",", builderTags)}";
    }
}
