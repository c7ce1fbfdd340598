using System.Text;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// <c>POST /session</c> with <c>Upgrade: h2c</c>: the engine answers <c>101</c> and from then on the connection is an
/// HTTP/2 connection on which the engine is the client. The headers name the session, its shared key (what the engine
/// keys its copy of transferred folders by) and every gRPC method the client serves.
/// </summary>
internal static class SessionUpgrade
{
    public static readonly IReadOnlyList<string> ServedMethods =
    [
        "/moby.filesync.v1.FileSync/DiffCopy",
        "/moby.buildkit.secrets.v1.Secrets/GetSecret",
        "/moby.filesync.v1.Auth/Credentials",
        "/grpc.health.v1.Health/Check",
    ];

    /// <summary>The upgraded connection, or a <see cref="SessionRefusedException"/> with the engine's answer.</summary>
    public static async Task<Stream> OpenAsync(EngineEndpoint endpoint, BuildSession session, CancellationToken cancellationToken)
    {
        var stream = await EngineConnection.OpenAsync(endpoint, cancellationToken);
        try
        {
            var request = new StringBuilder()
                .Append("POST /session HTTP/1.1\r\n")
                .Append("Host: docker\r\n")
                .Append("User-Agent: Slipway\r\n")
                .Append("Content-Length: 0\r\n")
                .Append("Upgrade: h2c\r\n")
                .Append("Connection: Upgrade\r\n")
                .Append($"X-Docker-Expose-Session-Uuid: {session.Id}\r\n")
                .Append($"X-Docker-Expose-Session-Name: {session.Name}\r\n")
                .Append($"X-Docker-Expose-Session-Sharedkey: {session.SharedKey}\r\n");
            foreach (var method in ServedMethods)
                request.Append($"X-Docker-Expose-Session-Grpc-Method: {method}\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancellationToken);
            var head = await ReadHeadAsync(stream, cancellationToken);
            var status = head.Split("\r\n")[0];
            var code = status.Split(' ', 3) is [_, var number, ..] && int.TryParse(number, out var parsed) ? parsed : 0;
            if (code == 101)
                return stream;
            var body = await ReadSomeAsync(stream, cancellationToken);
            throw new SessionRefusedException($"POST /session answered '{status}'{(body.Length > 0 ? ": " + body : "")}");
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>The response's status line and headers, read byte by byte so nothing of the HTTP/2 stream after them is taken.</summary>
    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < 16 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
                throw new SessionRefusedException("the engine closed the connection in answer to POST /session");
            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
                return Encoding.ASCII.GetString(head.ToArray());
        }
        throw new SessionRefusedException("the engine's answer to POST /session has no end of headers");
    }

    private static async Task<string> ReadSomeAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        var buffer = new byte[2048];
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "";
        }
    }
}
