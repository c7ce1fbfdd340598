using System.Text.Json;
using Slipway.Containers.GitHub;
using Slipway.Containers.Registry;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>The GitHub side of publishing: pruning builder images no one needs any more, and the release of a version.</summary>
internal sealed class GitHubHousekeeping(IGitHubHousekeeping build)
{
    public async Task PruneAsync(CancellationToken cancellation)
    {
        using var registry = RegistryConnection.Open(build);
        var (owner, package) = PackageOf(registry);
        var client = GitHubConnection.Create(build.GitHubToken, ApiUrl);
        var versions = new ContainerPackageVersions(client, await PackageOwner.DetectAsync(client, owner), package);
        var referenced = await ReferencedHashesAsync(registry, cancellation);
        build.Log.Information("{Count} dependency hashes are referenced by tagged app images of {Repository}", referenced.Count, registry.App.Name);
        var result = await new BuilderPruner(versions, new BuilderPrunePolicy(build.PruneKeep, referenced), build.Log).RunAsync(build.PruneApply);
        build.Note(build.PruneApply
            ? $"deleted {result.Deleted.Count} of {result.Plan.Decisions.Count} versions of {package}"
            : $"dry run: would delete {result.Plan.ToDelete.Count} of {result.Plan.Decisions.Count} versions of {package} (--prune-apply deletes)");
    }

    public async Task PublishReleaseAsync()
    {
        var revision = SourceRevisionReader.Read(build.EnvironmentVariables, build.RootDirectory, build.DefaultBranch);
        if (TagStrategy.SemanticVersion(revision.GitTag) is null)
        {
            build.Note($"not a semver tag ({revision.GitTag ?? "no tag"}): no release");
            return;
        }
        var repository = GitHubRepository.Parse(build.EnvironmentVariables.GetValueOrDefault("GITHUB_REPOSITORY") ?? revision.Repository);
        using var registry = RegistryConnection.Open(build);
        var images = PushedPlatforms().SelectMany(platform => new[]
        {
            new PublishedImage(registry.App.Name, revision.GitTag!, platform.Platform, platform.App.Digest),
            new PublishedImage($"{registry.App.Registry}/{registry.BuilderRepository}", platform.DependencyTag, platform.Platform, platform.Builder.Digest),
        }).ToArray();
        var client = GitHubConnection.Create(build.GitHubToken, ApiUrl);
        var release = await new ReleasePublisher(client, repository, build.Log).PublishAsync(revision.GitTag!, images);
        build.Note($"release {revision.GitTag} {release.Outcome.ToString().ToLowerInvariant()}: {release.HtmlUrl}");
    }

    private Uri? ApiUrl => string.IsNullOrWhiteSpace(build.GitHubApiUrl) ? null : new Uri(build.GitHubApiUrl);

    /// <summary>GHCR names a package after the repository path below the owner: ghcr.io/acme/voice → acme, voice-builder.</summary>
    private static (string Owner, string Package) PackageOf(RegistryConnection registry)
    {
        var parts = registry.BuilderRepository.Split('/', 2);
        if (parts.Length < 2)
            throw new SlipwayException($"cannot tell the package owner of {registry.App.Name}: expected <registry>/<owner>/<name>");
        return (parts[0], parts[1]);
    }

    private IReadOnlyList<PushedPlatform> PushedPlatforms()
    {
        var directory = build.TemporaryDirectory / "digests";
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Order().ToArray() : [];
        if (files.Length == 0)
            throw new SlipwayException("no pushed images recorded under .nuke/temp/digests: run Push (or the CI merge job) first");
        return files.Select(file => JsonSerializer.Deserialize<PushedPlatform>(File.ReadAllText(file))!).ToArray();
    }

    /// <summary>The dependency hashes that tagged app images in the registry were built from (their image label).</summary>
    private async Task<IReadOnlyList<AppImageReference>> ReferencedHashesAsync(RegistryConnection registry, CancellationToken cancellation)
    {
        var references = new List<AppImageReference>();
        foreach (var tag in await registry.Client.ListTagsAsync(registry.AppRepository, cancellation))
        {
            foreach (var config in await ConfigsAsync(registry, tag, cancellation))
            {
                using var json = JsonDocument.Parse(config);
                if (json.RootElement.TryGetProperty("config", out var image) && image.TryGetProperty("Labels", out var labels)
                    && labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty(BuilderImageLabels.DependencyHash, out var hash))
                    references.Add(new AppImageReference($"{registry.App.Name}:{tag}", hash.GetString()!));
            }
        }
        return references;
    }

    private static async Task<IReadOnlyList<byte[]>> ConfigsAsync(RegistryConnection registry, string reference, CancellationToken cancellation)
    {
        var manifest = await registry.Client.GetManifestAsync(registry.AppRepository, reference, cancellation);
        if (manifest is null)
            return [];
        using var json = JsonDocument.Parse(manifest.Content);
        if (json.RootElement.TryGetProperty("manifests", out var children))
        {
            var configs = new List<byte[]>();
            foreach (var child in children.EnumerateArray())
                configs.AddRange(await ConfigsAsync(registry, child.GetProperty("digest").GetString()!, cancellation));
            return configs;
        }
        var digest = json.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        return await registry.Client.GetBlobAsync(registry.AppRepository, digest, cancellationToken: cancellation) is { } blob ? [blob] : [];
    }
}
