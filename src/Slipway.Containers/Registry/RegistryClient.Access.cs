using System.Net;
using System.Text.Json;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// <c>GET /v2/</c>: checks that this is a distribution registry and that it accepts the credentials
    /// (with Bearer auth, a token without scope is fetched). Returns the scheme the registry asked for.
    /// </summary>
    public async Task<RegistryAuthScheme> PingAsync(CancellationToken cancellationToken = default)
    {
        await CheckAsync(ScopeSet.None, "login", cancellationToken);
        return AuthScheme;
    }

    /// <summary>
    /// Fails fast, before any work, when the credentials cannot get the access (Basic: the registry refuses them;
    /// Bearer: the token server refuses them). Token servers may grant less than asked without saying so; such a
    /// refusal shows up at the first write, with the registry's DENIED code.
    /// </summary>
    public Task CheckAccessAsync(string repository, RepositoryAccess access, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        var operation = access == RepositoryAccess.Push ? PushTo(repository) : PullFrom(repository);
        return CheckAsync(ScopeSet.For(repository, access), operation, cancellationToken);
    }

    /// <summary>The repository's tags, following pagination; empty when the repository does not exist.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        CheckRepository(repository);
        var operation = $"tag listing of {repository}";
        var scopes = ScopeSet.For(repository, RepositoryAccess.Pull);
        var tags = new List<string>();
        Uri? page = ApiUri($"v2/{repository}/tags/list?n=1000");
        while (page is not null)
        {
            var request = new RegistryRequest(HttpMethod.Get, page, scopes);
            (var found, page) = await ExecuteAsync(operation, upload: false, async token =>
            {
                using var response = await SendAsync(request, operation, token);
                if (response.StatusCode == HttpStatusCode.NotFound)
                    return (Found: false, Next: (Uri?)null);
                if (!response.IsSuccessStatusCode)
                    throw await RefusedAsync(response, operation, token);
                await using var body = await response.Content.ReadAsStreamAsync(token);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: token);
                if (document.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
                    tags.AddRange(list.EnumerateArray().Select(t => t.GetString()).OfType<string>());
                return (Found: true, Next: NextPage(response));
            }, cancellationToken);
            if (!found)
                return [];
        }
        return tags.Distinct().ToList();
    }

    private Task CheckAsync(ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Get, ApiUri("v2/"), scopes);
        return ExecuteAsync(operation, upload: false, async token =>
        {
            using var response = await SendAsync(request, operation, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new SlipwayException($"{BaseAddress} does not serve the registry API (/v2/ answered 404)");
            return response.IsSuccessStatusCode ? true : throw await RefusedAsync(response, operation, token);
        }, cancellationToken);
    }

    /// <summary>The target of <c>Link: &lt;/v2/..?last=x&amp;n=..&gt;; rel="next"</c>.</summary>
    private Uri? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
            return null;
        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            var open = link.IndexOf('<');
            var close = link.IndexOf('>');
            if (open >= 0 && close > open && link.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase))
                return new Uri(BaseAddress, link[(open + 1)..close]);
        }
        return null;
    }
}
