using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>The tags Push would write with the current parameters and sources, for --help and --plan. A registry value
/// that names no repository fails here, so <c>--plan</c> says so before anything is built.</summary>
internal static class TagPreview
{
    public static string Describe(IReadOnlyDictionary<string, string> environment, string root, string? registry, string? defaultBranch)
    {
        var repository = string.IsNullOrWhiteSpace(registry) ? "<--registry>" : RegistrySettings.ParseRepository(registry).Name;
        var revision = SourceRevisionReader.Read(environment, root, defaultBranch);
        var builderTags = TagStrategy.BuilderTags(revision, "deps-<hash12 per platform>");
        return $"tags {repository}:{string.Join(",", TagStrategy.AppTags(revision))} and {repository}-builder:{string.Join(",", builderTags)}";
    }
}
