namespace Slipway.Containers.Engine;

/// <summary>Where the Docker engine listens: <c>unix:///var/run/docker.sock</c> or <c>tcp://host:2375</c>.</summary>
public sealed record EngineEndpoint
{
    private const int DefaultTcpPort = 2375;

    private EngineEndpoint(Uri uri) => Uri = uri;

    /// <summary>The engine's usual socket on Linux and inside Docker Desktop's VM.</summary>
    public static EngineEndpoint Default { get; } = new(new Uri("unix:///var/run/docker.sock"));

    public Uri Uri { get; }

    public bool IsUnixSocket => Uri.Scheme == "unix";

    /// <summary>The socket file for a <c>unix://</c> endpoint, otherwise null.</summary>
    public string? SocketPath => IsUnixSocket ? Uri.AbsolutePath : null;

    public static EngineEndpoint Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('/'))
            text = "unix://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw Invalid(value, "not a URL");
        return uri.Scheme switch
        {
            "unix" when uri.AbsolutePath.Length > 1 => new EngineEndpoint(new Uri("unix://" + uri.AbsolutePath)),
            "unix" => throw Invalid(value, "no socket path"),
            "tcp" or "http" when uri.Host.Length > 0 =>
                new EngineEndpoint(new Uri($"tcp://{uri.Host}:{(uri.IsDefaultPort || uri.Port < 0 ? DefaultTcpPort : uri.Port)}")),
            "tcp" or "http" => throw Invalid(value, "no host"),
            "ssh" => throw Invalid(value, "ssh:// engines are not supported; forward the socket (ssh -L) and use unix:// or tcp://"),
            "npipe" => throw Invalid(value, "named pipes are not supported; use unix:// or tcp://"),
            _ => throw Invalid(value, $"unknown scheme '{uri.Scheme}'"),
        };
    }

    /// <summary>The endpoint DOCKER_HOST names in <paramref name="environment"/>, or <see cref="Default"/>.</summary>
    public static EngineEndpoint FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("DOCKER_TLS_VERIFY", out var tls) && !string.IsNullOrEmpty(tls))
            throw new SlipwayException(
                "DOCKER_TLS_VERIFY is set, but TLS engine endpoints are not supported: use a unix socket or a plain tcp:// endpoint");
        return environment.TryGetValue("DOCKER_HOST", out var host) && !string.IsNullOrWhiteSpace(host)
            ? Parse(host)
            : Default;
    }

    public override string ToString() => IsUnixSocket ? "unix://" + SocketPath : $"tcp://{Uri.Host}:{Uri.Port}";

    private static SlipwayException Invalid(string value, string why) =>
        new($"invalid Docker engine endpoint '{value}' (DOCKER_HOST): {why}; expected unix:///path/to/docker.sock or tcp://host:port");
}
