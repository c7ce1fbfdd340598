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

    /// <summary>Upgrades a connection to the engine and pumps it into <paramref name="server"/> until disposed.</summary>
    public async Task OpenAsync(SessionServer server, EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        _engine = await SessionUpgrade.OpenAsync(endpoint, this, cancellationToken);
        try
        {
            _server = await server.ConnectAsync(this, cancellationToken);
        }
        catch
        {
            await _engine.DisposeAsync();
            throw;
        }
        _pumps = Task.WhenAll(PumpAsync(_engine, _server), PumpAsync(_server, _engine));
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
        await _pumps;
    }
}
