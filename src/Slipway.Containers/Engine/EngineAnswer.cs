using System.Net;

namespace Slipway.Containers.Engine;

/// <summary>An HTTP error the engine answered a request made with <see cref="EngineHttp"/> with.</summary>
internal sealed class EngineAnswer(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
