using Serilog;
using Slipway.Containers.GitHub;
using Slipway.Containers.Registry;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>The GitHub side of publishing: pruning builder images no one needs any more, and the release of a version.</summary>
internal sealed class GitHubHousekeeping(
    RegistrySettings? registry, string? gitHubToken, string? gitHubApiUrl, IReadOnlyDictionary<string, string> environment,
    string temporaryDirectory, ILogger log)
{
    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> PruneAsync(int keep, bool apply, CancellationToken cancellation)
    {
        using var connection = Open();
        var (owner, package) = PackageOf(connection);
        var client = GitHubConnection.Create(gitHubToken, ApiUrl);
        var versions = new ContainerPackageVersions(client, await PackageOwner.DetectAsync(client, owner), package);
        var referenced = await ReferencedHashesAsync(connection, cancellation);
        log.Information("{Count} dependency hashes are referenced by tagged app images of {Repository}", referenced.Count, connection.App.Name);
        var result = await new BuilderPruner(versions, new BuilderPrunePolicy(keep, referenced), log).RunAsync(apply);
        return apply
            ? $"deleted {result.Deleted.Count} of {result.Plan.Decisions.Count} versions of {package}"
            : $"dry run: would delete {result.Plan.ToDelete.Count} of {result.Plan.Decisions.Count} versions of {package} (--prune-apply deletes)";
    }

    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> PublishReleaseAsync(SourceRevision revision)
    {
        if (TagStrategy.SemanticVersion(revision.GitTag) is null)
            return $"not a semver tag ({revision.GitTag ?? "no tag"}): no release";
        var repository = GitHubRepository.Parse(environment.GetValueOrDefault("GITHUB_REPOSITORY") ?? revision.Repository);
        using var connection = Open();
        var pushed = new PushedDigests(temporaryDirectory).ReadAll("run Push (or the CI merge job) first");
        var images = pushed.SelectMany(platform => new[]
        {
            new PublishedImage(connection.App.Name, revision.GitTag!, platform.Platform, platform.App.Digest,
                platform.Attestations?.Sbom, platform.Attestations?.Provenance, platform.Attestations?.Signature),
            new PublishedImage($"{connection.App.Registry}/{connection.BuilderRepository}", platform.DependencyTag, platform.Platform, platform.Builder.Digest),
        }).ToArray();
        var client = GitHubConnection.Create(gitHubToken, ApiUrl);
        var release = await new ReleasePublisher(client, repository, log).PublishAsync(revision.GitTag!, images);
        return $"release {revision.GitTag} {release.Outcome.ToString().ToLowerInvariant()}: {release.HtmlUrl}";
    }

    private RegistryConnection Open() =>
        RegistryConnection.Open(registry ?? throw new SlipwayException("no registry: set --registry"), log);

    private Uri? ApiUrl => string.IsNullOrWhiteSpace(gitHubApiUrl) ? null : new Uri(gitHubApiUrl);

    /// <summary>GHCR names a package after the repository path below the owner: ghcr.io/acme/voice → acme, voice-builder.</summary>
    private static (string Owner, string Package) PackageOf(RegistryConnection registry)
    {
        var parts = registry.BuilderRepository.Split('/', 2);
        if (parts.Length < 2)
            throw new SlipwayException($"cannot tell the package owner of {registry.App.Name}: expected <registry>/<owner>/<name>");
        return (parts[0], parts[1]);
    }

    /// <summary><c>sha256-&lt;hex&gt;</c> (a referrers index) and <c>sha256-&lt;hex&gt;.sig</c> (cosign signatures) name no image.</summary>
    private static bool IsReferrerOrSignatureTag(string tag) => tag.StartsWith("sha256-", StringComparison.Ordinal);

    /// <summary>The dependency hashes that tagged app images in the registry were built from (their image label).</summary>
    private static async Task<IReadOnlyList<AppImageReference>> ReferencedHashesAsync(RegistryConnection registry, CancellationToken cancellation)
    {
        var configs = new ImageConfigReader(registry.Client);
        var references = new List<AppImageReference>();
        foreach (var tag in (await registry.Client.ListTagsAsync(registry.AppRepository, cancellation)).Where(tag => !IsReferrerOrSignatureTag(tag)))
            foreach (var config in await configs.ReadAsync(registry.AppRepository, tag, cancellation))
                if (config.Labels.TryGetValue(BuilderImageLabels.DependencyHash, out var hash))
                    references.Add(new AppImageReference($"{registry.App.Name}:{tag}", hash));
        return references;
    }
}
