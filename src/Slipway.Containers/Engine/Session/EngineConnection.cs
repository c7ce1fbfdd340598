using System.Net.Sockets;

namespace Slipway.Containers.Engine.Session;

/// <summary>A plain connection to the engine's API socket (unix or tcp), for requests Docker.DotNet does not make.</summary>
internal static class EngineConnection
{
    public static async Task<Socket> OpenAsync(EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        Socket socket;
        if (endpoint.IsUnixSocket)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.SocketPath!), cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            return socket;
        }
        socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint.Uri.Host, endpoint.Uri.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return socket;
    }
}
