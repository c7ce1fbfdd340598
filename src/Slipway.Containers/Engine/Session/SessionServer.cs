using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// Kestrel serving the session's gRPC services over HTTP/2 without TLS (prior knowledge) on a private unix socket in
/// a temp folder. Each hijacked engine connection is pumped into one connection to that socket, which starts with a
/// line naming its session, so a call finds its session by the connection it came on.
/// </summary>
internal sealed class SessionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, BuildSession> _connecting = new();

    private SessionServer(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public string SocketPath => Path.Combine(_folder, "grpc.sock");

    public static async Task<SessionServer> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "slipway-session-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var directory = new SessionDirectory();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = folder });
        SessionServer? server = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 2 * 1024 * 1024;
            kestrel.ListenUnixSocket(Path.Combine(folder, "grpc.sock"), listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.Use(next => connection => server!.IdentifyAsync(connection, directory, next));
            });
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton(directory);
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<FileSyncService>();
        app.MapGrpcService<SecretsService>();
        app.MapGrpcService<AuthService>();
        app.MapGrpcService<HealthService>();
        server = new SessionServer(app, folder);
        await app.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>A new connection to the server for <paramref name="session"/>: what the engine sends goes in there.</summary>
    public async Task<Stream> ConnectAsync(BuildSession session, CancellationToken cancellationToken)
    {
        _connecting[session.Id] = session;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: true);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(session.Id + "\n"), cancellationToken);
            return stream;
        }
        catch
        {
            _connecting.TryRemove(session.Id, out _);
            socket.Dispose();
            throw;
        }
    }

    private async Task IdentifyAsync(ConnectionContext connection, SessionDirectory directory, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        string? id = null;
        while (id is null)
        {
            var read = await input.ReadAsync(connection.ConnectionClosed);
            var buffer = read.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } newline)
            {
                id = Encoding.ASCII.GetString(buffer.Slice(0, newline));
                input.AdvanceTo(buffer.GetPosition(1, newline));
            }
            else if (read.IsCompleted || buffer.Length > 256)
                return;
            else
                input.AdvanceTo(buffer.Start, buffer.End);
        }
        if (!_connecting.TryRemove(id, out var session))
            return;
        directory.Add(connection.ConnectionId, session);
        session.Log.Debug("[session] the engine's connection reached the session server");
        try
        {
            await next(connection);
        }
        finally
        {
            directory.Remove(connection.ConnectionId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteFolder();
    }

    /// <summary>Removes the socket's folder (also when the process exits without disposing the server).</summary>
    public void DeleteFolder()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
