using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Serilog;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// Opens BuildKit sessions with engines: one Kestrel server serves every session of a run (started on first
/// use, or early with <see cref="WarmUpAsync"/> so its start overlaps other work), and an engine that refuses sessions
/// is remembered, with the reason logged once, so later builds go straight to the tar upload.
/// </summary>
public sealed class BuildSessions : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<EngineEndpoint, string> _refused = new();
    private readonly ConcurrentDictionary<EngineEndpoint, HttpClient> _clients = new();
    private Task<SessionServer>? _server;

    /// <summary>Starts the session server now (it takes a moment the first time), so the first build need not wait.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) => ServerAsync(cancellationToken);

    /// <summary>Why <paramref name="endpoint"/> gave no session, once it has refused one; null otherwise.</summary>
    public string? RefusalOf(EngineEndpoint endpoint) => _refused.GetValueOrDefault(endpoint);

    /// <summary>A key that stays the same for one context folder and selection of paths in it (null: all of it), so the
    /// engine finds what it kept from the last build of that context; the builder's and the app's selections of one
    /// folder each keep their own copy instead of replacing each other's.</summary>
    public static string SharedKeyOf(string contextFolder, IEnumerable<string>? selection = null) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            "slipway-context:" + Path.GetFullPath(contextFolder) + (selection is null ? "" : "\n" + string.Join("\n", selection)))));

    /// <summary>An open session, or null when the engine refuses sessions (logged once per engine, with its answer).</summary>
    internal async Task<BuildSession?> TryOpenAsync(ContainerEngine engine, BuildSession session, CancellationToken cancellationToken)
    {
        if (_refused.ContainsKey(engine.Endpoint))
            return null;
        var server = ServerAsync(CancellationToken.None);
        try
        {
            await session.OpenAsync(server, engine.Endpoint, cancellationToken);
            return session;
        }
        catch (SessionRefusedException refused)
        {
            if (_refused.TryAdd(engine.Endpoint, refused.Message))
                session.Log.Warning(
                    "[build] the engine at {Engine} opens no build session ({Reason}): builds upload their context as a tar, without build secrets",
                    engine.Endpoint.ToString(), refused.Message);
            return null;
        }
    }

    /// <summary>The HTTP client for build requests to <paramref name="endpoint"/> (kept, so its connection is reused).</summary>
    internal HttpClient HttpClientFor(EngineEndpoint endpoint) => _clients.GetOrAdd(endpoint, EngineHttp.ClientFor);

    private Task<SessionServer> ServerAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_server is null || _server.IsFaulted || _server.IsCanceled)
                _server = Task.Run(() => SessionServer.StartAsync(CancellationToken.None)); // off this thread: the set-up is mostly synchronous
            return _server.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<SessionServer>? server;
        lock (_gate)
            (server, _server) = (_server, null);
        foreach (var client in _clients.Values)
            client.Dispose();
        _clients.Clear();
        if (server is { IsCompletedSuccessfully: true })
            await (await server).DisposeAsync();
    }
}
