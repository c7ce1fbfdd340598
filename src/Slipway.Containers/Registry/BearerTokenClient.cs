using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// Fetches tokens from the realm a Bearer challenge names (<c>GET realm?service=..&amp;scope=..</c>, with Basic
/// credentials when there are any) and keeps them per scope until shortly before they expire.
/// </summary>
internal sealed class BearerTokenClient(HttpClient http, string registry, RegistryCredentials? credentials, TimeProvider time)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private readonly List<BearerToken> cache = [];
    private readonly SemaphoreSlim fetching = new(1, 1);

    /// <summary>Tokens fetched from the token server since this client was made.</summary>
    public int Fetched { get; private set; }

    public BearerToken? Cached(string realm, ScopeSet scopes)
    {
        var now = time.GetUtcNow();
        lock (cache)
            return cache.LastOrDefault(t => t.Realm == realm && t.ExpiresAt > now && t.Scopes.Covers(scopes));
    }

    public void Forget(BearerToken token)
    {
        lock (cache)
            cache.Remove(token);
    }

    public async Task<BearerToken> GetAsync(AuthChallenge challenge, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        var realm = challenge.Realm
            ?? throw new SlipwayException($"registry {registry} asked for a Bearer token during {operation} but named no realm");
        if (Cached(realm, scopes) is { } cached)
            return cached;
        await fetching.WaitAsync(cancellationToken);
        try
        {
            if (Cached(realm, scopes) is { } fetchedMeanwhile)
                return fetchedMeanwhile;
            var token = await FetchAsync(realm, challenge.Service, scopes, operation, cancellationToken);
            lock (cache)
                cache.Add(token);
            return token;
        }
        finally
        {
            fetching.Release();
        }
    }

    private async Task<BearerToken> FetchAsync(string realm, string? service, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (service is not null)
            query.Add("service=" + Uri.EscapeDataString(service));
        query.AddRange(scopes.ToScopes().Select(s => "scope=" + Uri.EscapeDataString(s)));
        var uri = new Uri(realm + (query.Count == 0 ? "" : (realm.Contains('?') ? "&" : "?") + string.Join('&', query)));
        if (credentials is not null && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new SlipwayException(
                $"registry {registry} named the token server {uri.GetLeftPart(UriPartial.Path)}, which is not https: credentials are not sent there");

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicHeaderValue);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Fetched++;
        if (!response.IsSuccessStatusCode)
        {
            var error = await RegistryError.ReadAsync(response, cancellationToken);
            if (RegistryRetry.IsTransient(response.StatusCode))
                throw new TransientRegistryException(error, RegistryRetry.RetryAfter(response));
            var who = credentials is null ? "anonymous access" : $"the credentials of '{credentials.Username}'";
            throw new SlipwayException(
                $"registry {registry} refused {operation}: its token server {uri.Authority} rejected {who}: {error.Text}");
        }

        var issued = time.GetUtcNow();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var value = String(root, "token") ?? String(root, "access_token")
            ?? throw new SlipwayException($"registry {registry}: token server {uri.Authority} answered without a token");
        var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : DefaultLifetime;
        // stop using a token a little before it expires: requests take time, clocks differ
        return new BearerToken(value, realm, scopes, issued + lifetime * 0.9);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
