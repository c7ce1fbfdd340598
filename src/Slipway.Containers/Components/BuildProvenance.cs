using System.Reflection;
using Slipway.Containers.Attestations;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>The provenance of one platform's app image from this run's values: the Dockerfiles (relative to the build
/// context), the stages built, every platform of the run, the build arguments of both images (prefixed <c>builder:</c>
/// and <c>app:</c>, since both usually take a <c>BASE_IMAGE</c>), the git commit, the base images and the builder image
/// with their digests, each dependency-hash input with its sha256, and when the builder and app images were made.</summary>
internal static class BuildProvenance
{
    public static string SlipwayVersion { get; } =
        typeof(BuildProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static ProvenanceInputs For(
        BuildInputs inputs, PlatformInputs platform, string builderInRegistry, ContentDescriptor builderManifest,
        IReadOnlyDictionary<string, string> environment, DateTimeOffset startedOn, DateTimeOffset finishedOn)
    {
        var contract = inputs.Dockerfiles;
        var dockerfiles = new Dictionary<string, string>
        {
            ["builder"] = contract.BuilderDockerfile.RelativeTo(inputs.Context),
            ["app"] = contract.AppDockerfile.RelativeTo(inputs.Context),
        };
        var arguments = new Dictionary<string, string>();
        foreach (var (name, value) in contract.BuilderArguments(platform))
            arguments["builder:" + name] = value;
        foreach (var (name, value) in contract.AppArguments(inputs.BuilderReference(platform), platform))
            arguments["app:" + name] = value;
        var targets = new[] { contract.BuilderTarget is { } stage ? $"builder:{stage}" : "builder", "app" };
        var bases = new[] { (platform.BuilderBase, "builder-base-image"), (platform.RuntimeBase, "runtime-base-image") }
            .Where(b => b.Item1.ImageId is not null)
            .Select(b => ResolvedDependency.Image(b.Item1.Reference, b.Item1.ImageId!, b.Item2))
            .ToArray();
        return new ProvenanceInputs(
            dockerfiles, targets, inputs.Platforms.Select(p => p.Platform).ToArray(), arguments,
            Source(inputs, environment), bases,
            ResolvedDependency.Image(builderInRegistry, builderManifest.Digest, "builder-image"),
            platform.DependencyHash.Inputs.Items.Select(item => ResolvedDependency.Input(item.Name, item.Sha256)).ToArray(),
            BuilderIdentity.FromEnvironment(environment, SlipwayVersion), startedOn, finishedOn);
    }

    /// <summary>The commit built, in the repository's GitHub URL when the repository is known (<c>owner/name</c>).</summary>
    private static ResolvedDependency? Source(BuildInputs inputs, IReadOnlyDictionary<string, string> environment)
    {
        var revision = inputs.Revision;
        if (revision.Sha is null)
            return null;
        var server = environment.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } url ? url.TrimEnd('/') : "https://github.com";
        var repository = revision.Repository is { Length: > 0 } name ? $"{server}/{name}" : $"file://{inputs.Context}";
        var gitRef = revision.GitTag is { } tag ? $"refs/tags/{tag}" : revision.Branch is { } branch ? $"refs/heads/{branch}" : null;
        return ResolvedDependency.GitCommit(repository, revision.Sha, gitRef);
    }
}
