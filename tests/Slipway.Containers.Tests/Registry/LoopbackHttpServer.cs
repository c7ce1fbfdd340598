using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// A minimal HTTP/1.1 server on a free 127.0.0.1 port that reads one request per connection and lets a subclass
/// answer it: forward it to the upstream registry, answer itself, or reset the connection. Stops on dispose.
/// </summary>
public abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly int upstreamPort;
    private Task? accepting;

    protected LoopbackHttpServer(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
            await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        accepting = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request on <paramref name="client"/>.</summary>
    private protected abstract Task HandleAsync(HttpRequestHead head, byte[] body, Socket client, CancellationToken cancellationToken);

    /// <summary>Sends the request to the upstream registry and returns its whole raw answer.</summary>
    private protected async Task<byte[]> ForwardAsync(HttpRequestHead head, byte[] body, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string>>? replaceHeaders = null)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, cancellationToken);
        var stream = upstream.GetStream();
        await stream.WriteAsync(head.ForUpstream(body.Length, replaceHeaders), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        var answer = new MemoryStream();
        await stream.CopyToAsync(answer, cancellationToken); // upstream closes: we asked for Connection: close
        return answer.ToArray();
    }

    private protected static async Task SendAsync(Socket client, byte[] raw, CancellationToken cancellationToken)
    {
        await client.SendAsync(raw, SocketFlags.None, cancellationToken);
        client.Shutdown(SocketShutdown.Send);
    }

    private protected static Task AnswerAsync(Socket client, int status, string reason, string body,
        IEnumerable<string>? headers = null, CancellationToken cancellationToken = default)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n");
        foreach (var header in headers ?? [])
            head.Append(header).Append("\r\n");
        head.Append("\r\n");
        return SendAsync(client, [.. Encoding.ASCII.GetBytes(head.ToString()), .. content], cancellationToken);
    }

    /// <summary>Closes with a TCP reset: the client sees "connection reset by peer".</summary>
    private protected static void Reset(Socket client)
    {
        client.LingerState = new LingerOption(true, 0);
        client.Close();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            using (client)
            {
                await using var stream = new NetworkStream(client, ownsSocket: false);
                var head = await HttpRequestHead.ReadAsync(stream, stopping.Token);
                if (head is null)
                    return;
                var body = await head.ReadBodyAsync(stream, stopping.Token);
                await HandleAsync(head, body, client, stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the client went away or the server is stopping
        }
    }
}
