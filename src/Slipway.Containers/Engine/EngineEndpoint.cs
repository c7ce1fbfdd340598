using System.Net;

namespace Slipway.Containers.Engine;

/// <summary>Where the Docker engine listens: <c>unix:///var/run/docker.sock</c>, <c>tcp://host:2376</c> (with
/// <see cref="Tls"/> when it speaks TLS) or <c>ssh://user@host</c> (reached through the remote's <c>docker system dial-stdio</c>).</summary>
public sealed record EngineEndpoint
{
    private const int DefaultTcpPort = 2375;

    private EngineEndpoint(Uri uri, EngineTls? tls = null)
    {
        Uri = uri;
        Tls = tls;
    }

    /// <summary>The engine's usual socket on Linux and inside Docker Desktop's VM.</summary>
    public static EngineEndpoint Default { get; } = new(new Uri("unix:///var/run/docker.sock"));

    public Uri Uri { get; }

    /// <summary>The certificates a <c>tcp://</c> engine is spoken to with, or null for plain HTTP.</summary>
    public EngineTls? Tls { get; }

    /// <summary>The environment ssh runs in for an <c>ssh://</c> engine: the run's (PATH, HOME, SSH_AUTH_SOCK), not this process's.</summary>
    public IReadOnlyDictionary<string, string>? ProcessEnvironment { get; private init; }

    internal EngineEndpoint WithEnvironment(IReadOnlyDictionary<string, string> environment) =>
        IsSsh ? this with { ProcessEnvironment = environment } : this;

    public bool IsUnixSocket => Uri.Scheme == "unix";

    public bool IsSsh => Uri.Scheme == "ssh";

    /// <summary>The socket file for a <c>unix://</c> endpoint, otherwise null.</summary>
    public string? SocketPath => IsUnixSocket ? Uri.AbsolutePath : null;

    /// <summary>A <c>tcp://</c> engine without TLS on another machine: whoever reaches its port is root there.</summary>
    public bool IsPlainRemote => Uri.Scheme == "tcp" && Tls is null && !IsLoopback(Uri.Host);

    /// <summary>The endpoint <paramref name="value"/> names; <paramref name="origin"/> (DOCKER_HOST, --engines, a
    /// context) is what the error names when the value is not one.</summary>
    public static EngineEndpoint Parse(string value, EngineTls? tls = null, string origin = "DOCKER_HOST")
    {
        var text = value.Trim();
        if (text.StartsWith('/'))
            text = "unix://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw Invalid(value, origin, "not a URL");
        return uri.Scheme switch
        {
            "unix" when uri.AbsolutePath.Length > 1 => new EngineEndpoint(new Uri("unix://" + uri.AbsolutePath)),
            "unix" => throw Invalid(value, origin, "no socket path"),
            "tcp" or "http" when uri.Host.Length > 0 =>
                new EngineEndpoint(new Uri($"tcp://{uri.Host}:{(uri.IsDefaultPort || uri.Port < 0 ? DefaultTcpPort : uri.Port)}"), tls),
            "tcp" or "http" => throw Invalid(value, origin, "no host"),
            "ssh" when uri.Host.Length > 0 && uri.AbsolutePath.Length <= 1 =>
                new EngineEndpoint(new Uri($"ssh://{(uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : "")}{uri.Host}{(uri.Port > 0 ? ":" + uri.Port : "")}")),
            "ssh" when uri.Host.Length > 0 => throw Invalid(value, origin, "an ssh:// engine has no path (ssh://user@host:port)"),
            "ssh" => throw Invalid(value, origin, "no host"),
            "npipe" => throw Invalid(value, origin, "named pipes are not supported; use unix://, tcp:// or ssh://"),
            _ => throw Invalid(value, origin, $"unknown scheme '{uri.Scheme}'"),
        };
    }

    /// <summary>The engine the Docker CLI would use with <paramref name="environment"/> (<see cref="Discovery.EngineDiscovery"/>).</summary>
    public static EngineEndpoint FromEnvironment(IReadOnlyDictionary<string, string> environment) =>
        Discovery.EngineDiscovery.Find(environment).Endpoint;

    /// <summary>The variables that point the Docker CLI at this engine, for the scripts Slipway runs.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment()
    {
        var variables = new Dictionary<string, string> { ["DOCKER_HOST"] = ToString() };
        if (Tls is { } tls)
        {
            if (tls.VerifyServer)
                variables["DOCKER_TLS_VERIFY"] = "1";
            else
                variables["DOCKER_TLS"] = "1";
            variables["DOCKER_CERT_PATH"] = tls.Directory;
        }
        return variables;
    }

    public override string ToString() => Uri.Scheme switch
    {
        "unix" => "unix://" + SocketPath,
        "ssh" => Uri.GetLeftPart(UriPartial.Authority),
        _ => $"tcp://{Uri.Host}:{Uri.Port}",
    };

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static SlipwayException Invalid(string value, string origin, string why) =>
        new($"invalid Docker engine endpoint '{value}' ({origin}): {why}; expected unix:///path/to/docker.sock, tcp://host:port or ssh://user@host");
}
