using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slipway.Containers.Tests.Stops;

/// <summary>A TCP relay on 127.0.0.1 in front of a registry that passes what clients send at a fixed rate (answers
/// go back at full speed): a push through it is slow enough to be watched and stopped part-way, as on a real uplink.
/// Everything else (HTTP, auth, upload locations) passes through untouched.</summary>
public sealed class ThrottledRelay : IAsyncDisposable
{
    private const int Chunk = 16 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _upstreamPort;
    private readonly long _bytesPerSecond;
    private readonly Task _accepting;

    public ThrottledRelay(int upstreamPort, long bytesPerSecond)
    {
        _upstreamPort = upstreamPort;
        _bytesPerSecond = bytesPerSecond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = PumpAsync(client.GetStream(), upstream.GetStream(), _bytesPerSecond, ended.Token);
                var down = PumpAsync(upstream.GetStream(), client.GetStream(), 0, ended.Token);
                await Task.WhenAny(up, down);
                await ended.CancelAsync();
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // a side went away: the other is closed with it
            }
        }
    }

    /// <summary>Copies until the source ends; with a rate, never faster than it, and an idle connection (kept alive
    /// between requests) earns no credit to send a burst later.</summary>
    private static async Task PumpAsync(Stream from, Stream to, long bytesPerSecond, CancellationToken cancellation)
    {
        var buffer = new byte[Chunk];
        var clock = Stopwatch.StartNew();
        var free = TimeSpan.Zero; // when the rate allows the next bytes
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellation)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellation);
                if (bytesPerSecond <= 0)
                    continue;
                free = (free > clock.Elapsed ? free : clock.Elapsed) + TimeSpan.FromSeconds((double)read / bytesPerSecond);
                if (free - clock.Elapsed is { Ticks: > 0 } ahead)
                    await Task.Delay(ahead, cancellation);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
