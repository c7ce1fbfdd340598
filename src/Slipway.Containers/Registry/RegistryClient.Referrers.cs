using System.Net;
using System.Text.Json;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// The referrers of a manifest (artifacts whose <c>subject</c> it is), optionally of one artifact type: through the
    /// referrers API (<c>GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;</c>) where the registry answers it, else from the
    /// referrers tag (<c>sha256-&lt;hex&gt;</c>); empty when neither knows any.
    /// </summary>
    public async Task<IReadOnlyList<ReferrerDescriptor>> GetReferrersAsync(
        string repository, string subjectDigest, string? artifactType = null, CancellationToken cancellationToken = default)
    {
        var all = await GetReferrersFromApiAsync(repository, subjectDigest, cancellationToken)
            ?? await GetReferrersFromTagAsync(repository, subjectDigest, cancellationToken);
        return artifactType is null ? all : all.Where(r => r.ArtifactType == artifactType).ToList();
    }

    /// <summary>What the referrers API lists, or null when the registry has no referrers API (it answers 404).</summary>
    public async Task<IReadOnlyList<ReferrerDescriptor>?> GetReferrersFromApiAsync(
        string repository, string subjectDigest, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        if (ReferenceGrammar.CheckDigest(subjectDigest) is { } problem)
            throw new ArgumentException(problem, nameof(subjectDigest));
        var operation = PullFrom(repository);
        var request = new RegistryRequest(HttpMethod.Get, ApiUri($"v2/{repository}/referrers/{subjectDigest}"), ScopeSet.For(repository, RepositoryAccess.Pull))
        {
            Accept = [MediaTypes.OciIndex],
        };
        return await ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest)
                return null;
            var content = await ReadBoundedAsync(response, operation, $"the referrers of {repository}@{subjectDigest}", MaxManifestBytes, token);
            return content is null ? null : ReferrersIndex.Read(content, $"the referrers of {repository}@{subjectDigest}");
        }, cancellationToken);
    }

    /// <summary>What the referrers tag of the tag schema lists; empty when there is no such tag.</summary>
    public async Task<IReadOnlyList<ReferrerDescriptor>> GetReferrersFromTagAsync(
        string repository, string subjectDigest, CancellationToken cancellationToken = default)
    {
        var index = await GetManifestAsync(repository, ReferrersIndex.TagFor(subjectDigest), cancellationToken);
        return index is null ? [] : ReferrersIndex.Read(index.Content, $"the referrers tag {repository}:{ReferrersIndex.TagFor(subjectDigest)}");
    }
}
