namespace Slipway.Containers.Engine;

/// <summary>How a <c>tcp://</c> engine is spoken to over TLS, as the Docker CLI keeps it: a folder with <c>ca.pem</c>
/// (the CA the engine's certificate must be signed by), <c>cert.pem</c> and <c>key.pem</c> (the client's certificate).
/// <see cref="VerifyServer"/> false is a context's <c>SkipTLSVerify</c>: encrypted, but any server certificate is taken.</summary>
public sealed record EngineTls(string Directory, bool VerifyServer)
{
    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string CertificateFile => Path.Combine(Directory, "cert.pem");

    public string KeyFile => Path.Combine(Directory, "key.pem");

    public bool HasClientCertificate => File.Exists(CertificateFile) && File.Exists(KeyFile);
}
