using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Engine;

/// <summary>
/// The Docker engine Slipway talks to: images, builds (through <see cref="ImageBuilder"/>) and short verification runs.
/// Requests go to the engine's own API version (unversioned paths), so an engine as old as API 1.41 answers.
/// </summary>
public sealed partial class ContainerEngine : IDisposable
{
    private readonly Lazy<DockerClient> _docker;
    private readonly EngineApi _api;
    private readonly object _platformGate = new();
    private Task<Platform>? _platform;

    public ContainerEngine(EngineEndpoint endpoint, TimeSpan? answerTimeout = null)
    {
        Endpoint = endpoint;
        _api = new EngineApi(endpoint);
        AnswerTimeout = answerTimeout ?? TimeSpan.FromSeconds(5);
        _docker = new Lazy<DockerClient>(() => CreateDockerClient(endpoint));
    }

    private static DockerClient CreateDockerClient(EngineEndpoint endpoint)
    {
        // No client-wide timeout: builds and runs take as long as they take; short calls carry their own.
        var options = new ClientOptions { Endpoint = EngineHttp.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new DockerClientBuilder<EngineEndpoint>(EngineTransport.Instance, endpoint, options, NullLogger.Instance).Build();
    }

    /// <summary>The engine the Docker CLI would use with <paramref name="environment"/> (<see cref="Discovery.EngineDiscovery"/>).</summary>
    public static ContainerEngine FromEnvironment(IReadOnlyDictionary<string, string> environment) =>
        new(Discovery.EngineDiscovery.Find(environment));

    public ContainerEngine(Discovery.FoundEngine found, TimeSpan? answerTimeout = null) : this(found.Endpoint, answerTimeout) =>
        FoundBy = found.FoundBy;

    public EngineEndpoint Endpoint { get; }

    /// <summary>How the engine was found (<c>DOCKER_HOST</c>, <c>context arm-builder</c>, <c>default socket</c>).</summary>
    public string FoundBy { get; } = "given";

    /// <summary>How long a short request (ping, inspect, tag) may wait before the engine counts as not answering.</summary>
    public TimeSpan AnswerTimeout { get; }

    /// <summary>Docker.DotNet, for everything but the queries on the path of every build (<see cref="EngineApi"/>):
    /// made on first use, so a build that only checks and builds never loads it.</summary>
    internal DockerClient Client => _docker.Value;

    /// <summary>Fails with one clear line when nothing answers at <see cref="Endpoint"/>.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        CallAsync("ping", token => Client.System.PingAsync(token), cancellationToken);

    /// <summary>The engine's own platform, e.g. <c>linux/amd64</c>: what an image built without a platform is for.</summary>
    /// <remarks>Asked once (a failed answer is asked again): an engine's platform does not change while a build runs,
    /// and Restore asks it early, alongside other work, so that its answer is there when needed.</remarks>
    public Task<Platform> GetPlatformAsync(CancellationToken cancellationToken = default)
    {
        lock (_platformGate)
        {
            if (_platform is not { IsFaulted: false, IsCanceled: false })
                _platform = Task.Run(() => PlatformOfAsync(cancellationToken), cancellationToken); // its first call sets up HTTP: not on the caller's path
            return _platform;
        }
    }

    private async Task<Platform> PlatformOfAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        return version.Arch switch
        {
            "arm" => new Platform(version.Os ?? "linux", "arm", "v7"),
            var arch => new Platform(version.Os ?? "linux", arch ?? "", null),
        };
    }

    /// <summary>The engine's version and API version, e.g. ("20.10.24", "1.41").</summary>
    public async Task<(string Version, string ApiVersion)> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(cancellationToken);
        return (version.Number ?? "", version.ApiVersion ?? "");
    }

    private async Task<EngineVersion> VersionAsync(CancellationToken cancellationToken) =>
        await CallAsync("version", token => _api.VersionAsync(token), cancellationToken)
        ?? throw new SlipwayException($"Docker engine at {Endpoint} has no version endpoint: is it a Docker engine?");

    public void Dispose()
    {
        if (_docker.IsValueCreated)
            _docker.Value.Dispose();
        _api.Dispose();
    }

    internal string NotAnswering =>
        $"Docker engine at {Endpoint} does not answer: start dockerd / Docker Desktop, or set DOCKER_HOST";

    /// <summary>
    /// A request that should not take long: bounded by <paramref name="timeout"/> (default <see cref="AnswerTimeout"/>),
    /// engine failures turned into one clear line.
    /// </summary>
    internal async Task<T> CallAsync<T>(
        string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? AnswerTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await call(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SlipwayException(NotAnswering + $" (no answer to {what} within {limit.TotalSeconds:0.#} s)");
        }
        catch (Exception exception) when (EngineFailure.Translate(this, what, exception) is { } failure)
        {
            throw failure;
        }
    }

    internal Task CallAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        CallAsync(what, async token => { await call(token); return true; }, cancellationToken, timeout);

    /// <summary>For requests that make the engine work (create, delete): a busy engine may take a while.</summary>
    internal static readonly TimeSpan WorkTimeout = TimeSpan.FromMinutes(2);
}
