namespace Slipway.Containers.Engine.Session;

/// <summary>Compares a login's server (<c>ghcr.io</c>, <c>https://index.docker.io/v1/</c>) with a host the engine names.</summary>
internal static class RegistryHost
{
    public static bool Same(string server, string host) => string.Equals(Normalize(server), Normalize(host), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string server)
    {
        var host = server.Trim();
        if (host.Contains("://", StringComparison.Ordinal))
            host = host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..];
        host = host.Split('/')[0];
        return host is "index.docker.io" or "docker.io" or "registry-1.docker.io" ? "docker.io" : host;
    }
}
