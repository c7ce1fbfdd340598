namespace Slipway.Containers.Registry;

/// <summary>A token from a registry's token server, the scopes it was asked for and when to stop using it.</summary>
internal sealed record BearerToken(string Value, string Realm, ScopeSet Scopes, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"token for '{Scopes}' until {ExpiresAt:O}";
}
