using System.Net.Sockets;

namespace Slipway.Containers.Engine.Session;

/// <summary>A connection to the engine's API (unix socket, tcp, tcp with TLS, ssh), for every request Slipway makes:
/// Docker.DotNet's (<see cref="EngineTransport"/>), the direct ones (<see cref="EngineHttp"/>) and the BuildKit session.</summary>
internal static class EngineConnection
{
    public static async Task<Stream> OpenAsync(EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.IsSsh)
            return SshDialStdio.Start(endpoint);
        var socket = endpoint.IsUnixSocket
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (endpoint.IsUnixSocket)
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.SocketPath!), cancellationToken);
            else
                await socket.ConnectAsync(endpoint.Uri.Host, endpoint.Uri.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var stream = new NetworkStream(socket, ownsSocket: true);
        return endpoint.Tls is { } tls ? await TlsConnection.AuthenticateAsync(stream, endpoint.Uri.Host, tls, endpoint, cancellationToken) : stream;
    }
}
