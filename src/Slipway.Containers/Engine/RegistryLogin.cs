namespace Slipway.Containers.Engine;

/// <summary>Credentials for one registry; the password never appears in output.</summary>
public sealed record RegistryLogin(string Server, string Username, string Password)
{
    public override string ToString() => $"{Username}@{Server}";
}
