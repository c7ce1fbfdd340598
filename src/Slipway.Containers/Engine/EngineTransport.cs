using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;

namespace Slipway.Containers.Engine;

/// <summary>Docker.DotNet's transport: the same connections as every other request to the engine
/// (<see cref="EngineHttp.HandlerFor"/>: unix, tcp, TLS, ssh), so a TLS or ssh engine is reached the same way by all.</summary>
internal sealed class EngineTransport : IDockerHandlerFactory<EngineEndpoint>
{
    public static EngineTransport Instance { get; } = new();

    public ResolvedTransport CreateHandler(EngineEndpoint endpoint, ResolvedClientOptions options, ILogger logger) =>
        new(EngineHttp.HandlerFor(endpoint), EngineHttp.BaseAddress);

    public ResolvedTransport CreateHandler(ResolvedClientOptions options, ILogger logger) =>
        throw new NotSupportedException("the engine's transport needs its endpoint");

    /// <summary>Slipway attaches to no container (its runs are read by their logs), so no stream is ever hijacked.</summary>
    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        throw new NotSupportedException("Slipway does not attach to containers");
}
