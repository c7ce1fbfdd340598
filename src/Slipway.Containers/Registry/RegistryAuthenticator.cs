using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

/// <summary>
/// Remembers how the registry wants to be authenticated (learned from its first challenge) and puts the matching
/// Authorization header on each request to the registry host: none, Basic, or a Bearer token for the request's scopes.
/// </summary>
internal sealed class RegistryAuthenticator(string registry, string authority, RegistryCredentials? credentials, BearerTokenClient tokens)
{
    private AuthChallenge? challenge;

    public RegistryAuthScheme Scheme => Volatile.Read(ref challenge) switch
    {
        { IsBearer: true } => RegistryAuthScheme.Bearer,
        { IsBasic: true } => RegistryAuthScheme.Basic,
        _ => RegistryAuthScheme.Anonymous,
    };

    public bool HasCredentials => credentials is not null;

    public async Task AuthorizeAsync(HttpRequestMessage request, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !string.Equals(uri.Authority, authority, StringComparison.OrdinalIgnoreCase))
            return; // never send credentials to another host (e.g. a storage redirect or an upload location elsewhere)
        var known = Volatile.Read(ref challenge);
        if (known is { IsBasic: true } && credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicHeaderValue);
        else if (known is { IsBearer: true })
        {
            var token = await tokens.GetAsync(known, scopes, operation, cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }
    }

    /// <summary>
    /// Learns from a 401 answer. True when the request is worth sending again: the challenge asks for a scheme we
    /// can now answer, or our Bearer token was refused and a fresh one (for the challenge's scope too) is ready.
    /// </summary>
    public async Task<bool> AcceptChallengeAsync(
        HttpResponseMessage response, AuthenticationHeaderValue? sent, ScopeSet scopes, string operation, CancellationToken cancellationToken)
    {
        var received = AuthChallenge.From(response);
        if (received is null)
            return false;
        Volatile.Write(ref challenge, received);
        if (received.IsBasic)
            return credentials is not null && !string.Equals(sent?.Scheme, "Basic", StringComparison.OrdinalIgnoreCase);
        if (!received.IsBearer || received.Realm is null)
            return false;

        var wanted = received.Scope is null ? scopes : scopes.Union(ScopeSet.Parse([received.Scope]));
        // Forget a cached token only when it is the one this request carried (the registry refused it: expired or
        // revoked). A request that went out before any token existed must reuse the one a parallel request fetched.
        if (tokens.Cached(received.Realm, wanted) is { } cached && WasSent(cached, sent))
            tokens.Forget(cached);
        await tokens.GetAsync(received, wanted, operation, cancellationToken);
        return true;
    }

    private static bool WasSent(BearerToken token, AuthenticationHeaderValue? sent) =>
        sent is { Scheme: var scheme, Parameter: var value } && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && value == token.Value;

    public override string ToString() => $"{registry} ({Scheme})";
}
