using Octokit;
using Serilog;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.GitHub;

/// <summary>Creates the GitHub release for a semver tag, or updates the image section of the one that exists, with the
/// image references and per-platform digests. Running it twice with the same images changes nothing.</summary>
public sealed class ReleasePublisher(IGitHubClient client, GitHubRepository repository, ILogger logger)
{
    private readonly GitHubRefusal.Hints _hints = new(
        Forbidden: $"the token needs write access to the contents of {repository} (a workflow's GITHUB_TOKEN needs contents: write)",
        NotFound: $"check that the repository {repository} exists and the token can see it");

    public async Task<PublishedRelease> PublishAsync(string gitTag, IReadOnlyList<PublishedImage> images)
    {
        var version = TagStrategy.SemanticVersion(gitTag)
            ?? throw new SlipwayException($"a release needs a semver tag like v1.2.3, not '{gitTag}'");
        var section = ReleaseNotes.ImagesSection(images);
        var existing = await Find(gitTag).ConfigureAwait(false);
        if (existing is null)
        {
            var release = new NewRelease(gitTag)
            {
                Name = gitTag,
                Body = ReleaseNotes.Merge(null, section),
                Prerelease = version.Full.Contains('-', StringComparison.Ordinal),
            };
            var created = await Call("create", gitTag, () => client.Repository.Release.Create(repository.Owner, repository.Name, release));
            logger.Information("Created release {Tag:l} of {Repository:l}: {Url:l}", gitTag, repository.ToString(), created.HtmlUrl);
            return new PublishedRelease(created.Id, created.HtmlUrl, ReleaseOutcome.Created);
        }

        var body = ReleaseNotes.Merge(existing.Body, section);
        if (body == existing.Body)
        {
            logger.Information("Release {Tag:l} of {Repository:l} already lists these images: {Url:l}", gitTag, repository.ToString(), existing.HtmlUrl);
            return new PublishedRelease(existing.Id, existing.HtmlUrl, ReleaseOutcome.Unchanged);
        }
        var update = new ReleaseUpdate { Body = body };
        var updated = await Call("update", gitTag, () => client.Repository.Release.Edit(repository.Owner, repository.Name, existing.Id, update));
        logger.Information("Updated the images of release {Tag:l} of {Repository:l}: {Url:l}", gitTag, repository.ToString(), updated.HtmlUrl);
        return new PublishedRelease(updated.Id, updated.HtmlUrl, ReleaseOutcome.Updated);
    }

    /// <summary>The published release for the tag, or null when GitHub has none (it answers 404).</summary>
    private async Task<Release?> Find(string gitTag)
    {
        try
        {
            return await client.Repository.Release.Get(repository.Owner, repository.Name, gitTag).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (GitHubRefusal.Explains(exception))
        {
            throw GitHubRefusal.For($"read release {gitTag} of {repository}", exception, client, _hints);
        }
    }

    private async Task<Release> Call(string verb, string gitTag, Func<Task<Release>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (GitHubRefusal.Explains(exception))
        {
            throw GitHubRefusal.For($"{verb} release {gitTag} of {repository}", exception, client, _hints);
        }
    }
}
