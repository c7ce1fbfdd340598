using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.X509;

namespace Slipway.Containers.Engine.Session;

/// <summary>TLS over a connection to a <c>tcp://</c> engine, as the Docker CLI speaks it: the engine's certificate
/// checked against ca.pem (Docker.DotNet's X.509 support) and for the host, the client's cert.pem/key.pem presented.</summary>
internal static class TlsConnection
{
    public static async Task<Stream> AuthenticateAsync(
        Stream connection, string host, EngineTls tls, EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = tls.VerifyServer ? ChecksAgainst(tls, host, why => refusal = why) : (_, _, _, _) => true,
        };
        if (tls.HasClientCertificate)
        {
            options.ClientCertificates = [LoadClientCertificate(tls)];
            // TLS 1.2: an engine that refuses the client's certificate says so in the handshake, not on the first read.
            options.EnabledSslProtocols = SslProtocols.Tls12;
        }
        var stream = new SslStream(connection, leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsClientAsync(options, cancellationToken);
            return stream;
        }
        catch (Exception failure) when (failure is AuthenticationException or IOException)
        {
            await stream.DisposeAsync();
            var said = failure.GetBaseException().Message; // the TLS library's reason, not "see inner exception"
            var why = refusal ?? (tls.HasClientCertificate
                ? $"the engine refused the client certificate {tls.CertificateFile} ({said})"
                : $"{said} (the engine may want a client certificate: cert.pem and key.pem in {tls.Directory})");
            throw new EngineConnectionException($"TLS with the Docker engine at {endpoint} failed: {why}", failure);
        }
    }

    private static RemoteCertificateValidationCallback ChecksAgainst(EngineTls tls, string host, Action<string> refuse)
    {
        if (!File.Exists(tls.CaFile))
            throw new EngineConnectionException($"TLS with the Docker engine at tcp://{host}: {tls.CaFile} does not exist (the CA that signs the engine's certificate)");
        var ca = DockerTlsCertificates.LoadCertificateAuthorityFromPemFile(tls.CaFile);
        var signedByCa = DockerTlsCertificates.CreateCertificateAuthorityValidationCallback(ca);
        return (sender, certificate, chain, errors) =>
        {
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                refuse($"its certificate is not for {host} (subjectAltName)");
            else if (!signedByCa(sender, certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch))
                refuse($"its certificate is not signed by the CA in {tls.CaFile}");
            else
                return true;
            return false;
        };
    }

    private static X509Certificate2 LoadClientCertificate(EngineTls tls)
    {
        try
        {
            return DockerTlsCertificates.LoadCertificateFromPemFiles(tls.CertificateFile, tls.KeyFile);
        }
        catch (Exception failure) when (failure is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new EngineConnectionException($"the client certificate {tls.CertificateFile} with {tls.KeyFile} cannot be read: {failure.Message}", failure);
        }
    }
}
