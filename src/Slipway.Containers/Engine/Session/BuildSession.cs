using Serilog;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// One BuildKit session with the engine, for one build: the folders it may read, the secrets and registry logins it
/// may ask for, and what it transferred. Open while the build runs; disposing it closes the engine's connection.
/// </summary>
internal sealed class BuildSession : IAsyncDisposable
{
    private Stream? _engine;
    private Stream? _server;
    private Task _pumps = Task.CompletedTask;

    public BuildSession(
        string name, string sharedKey, IEnumerable<SessionFolder> folders, IEnumerable<BuildSecret> secrets,
        IEnumerable<RegistryLogin> logins, ILogger log)
    {
        Name = name;
        SharedKey = sharedKey;
        Folders = folders.ToDictionary(folder => folder.Name, StringComparer.Ordinal);
        Secrets = secrets.ToDictionary(secret => secret.Id, StringComparer.Ordinal);
        Logins = logins.ToList();
        Log = log;
    }

    /// <summary>What the build request names in <c>session=</c>.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string Name { get; }

    public string SharedKey { get; }

    public IReadOnlyDictionary<string, SessionFolder> Folders { get; }

    public IReadOnlyDictionary<string, BuildSecret> Secrets { get; }

    public IReadOnlyList<RegistryLogin> Logins { get; }

    public ILogger Log { get; }

    public TransferCounter Transfer { get; } = new();

    /// <summary>Done once the engine's connection is pumped into the session server; faulted when that failed.</summary>
    public Task Attached { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Upgrades a connection to the engine (fails with <see cref="SessionRefusedException"/>), then, without waiting,
    /// pumps it into the server once <paramref name="server"/> has started: the engine's first calls wait in the socket
    /// meanwhile, so the build request can go out while the server starts.
    /// </summary>
    public async Task OpenAsync(Task<SessionServer> server, EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        _engine = await SessionUpgrade.OpenAsync(endpoint, this, cancellationToken);
        Attached = AttachAsync(server, cancellationToken);
    }

    private async Task AttachAsync(Task<SessionServer> server, CancellationToken cancellationToken)
    {
        Stream connected;
        try
        {
            connected = await (await server).ConnectAsync(this, cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
        _server = connected;
        // The build may have ended and closed the session meanwhile (the engine drops the connection when a build
        // fails): then the server side is let go too, and no pump starts on a closed stream.
        if (Volatile.Read(ref _engine) is { } engine)
            _pumps = Task.WhenAll(PumpAsync(engine, connected), PumpAsync(connected, engine));
        else
            await CloseAsync();
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, 64 * 1024);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _engine, null) is { } engine)
            await engine.DisposeAsync();
        if (Interlocked.Exchange(ref _server, null) is { } server)
            await server.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        try
        {
            await Attached;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Reported by the build that used the session.
        }
        await _pumps;
    }
}
