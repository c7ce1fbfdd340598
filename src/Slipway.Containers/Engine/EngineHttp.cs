using System.Text.Json;
using Slipway.Containers.Engine.Session;

namespace Slipway.Containers.Engine;

/// <summary>HTTP straight to the engine's API socket, for the requests Slipway makes without Docker.DotNet: the
/// session build request, and the short queries on the path of every build (<see cref="EngineApi"/>).</summary>
internal static class EngineHttp
{
    public static HttpClient ClientFor(EngineEndpoint endpoint) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) => new System.Net.Sockets.NetworkStream(await EngineConnection.OpenAsync(endpoint, token), ownsSocket: true),
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        })
        {
            BaseAddress = new Uri("http://docker"),
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>The engine's <c>{"message": "..."}</c> text, else the body itself (what any of its API errors carries).</summary>
    public static string MessageOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
                return text;
        }
        catch (JsonException)
        {
        }
        return body.Trim();
    }
}
