namespace Slipway.Containers.Engine.Discovery;

/// <summary><c>--docker-host</c>, else DOCKER_HOST; with DOCKER_TLS_VERIFY (or DOCKER_TLS, encrypted without checking the
/// engine's certificate) spoken to over TLS with the certificates in DOCKER_CERT_PATH (default: the CLI's configuration folder).</summary>
internal sealed class DockerHostSource : IEngineSource
{
    public FoundEngine? Find(EngineLookup lookup)
    {
        // the DockerHost parameter is also read from DOCKER_HOST: named by where its value came from
        var (host, origin) = lookup.DockerHost is { Length: > 0 } given && given.Trim() != lookup.Variable("DOCKER_HOST") ? (given, "--docker-host")
            : lookup.Variable("DOCKER_HOST") is { } variable ? (variable, "DOCKER_HOST")
            : (null, "");
        return host is null ? null : new FoundEngine(EngineEndpoint.Parse(host, TlsOf(lookup), origin), origin);
    }

    private static EngineTls? TlsOf(EngineLookup lookup)
    {
        var verify = lookup.Variable("DOCKER_TLS_VERIFY") is { } value && value != "0";
        if (!verify && lookup.Variable("DOCKER_TLS") is null)
            return null;
        var folder = lookup.Variable("DOCKER_CERT_PATH") ?? lookup.ConfigFolder
            ?? throw new SlipwayException("DOCKER_TLS_VERIFY is set but neither DOCKER_CERT_PATH nor HOME says where ca.pem, cert.pem and key.pem are");
        if (verify && !File.Exists(Path.Combine(folder, "ca.pem")))
            throw new SlipwayException($"DOCKER_TLS_VERIFY is set but {Path.Combine(folder, "ca.pem")} does not exist: set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem");
        return new EngineTls(folder, verify);
    }
}
