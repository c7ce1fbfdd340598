using System.Text.Json;
using Slipway.Containers.Engine.Session;

namespace Slipway.Containers.Engine;

/// <summary>HTTP straight to the engine's API socket, for the requests Slipway makes without Docker.DotNet: the
/// session build request, and the short queries on the path of every build (<see cref="EngineApi"/>).</summary>
internal static class EngineHttp
{
    /// <summary>What requests are addressed to: the connection itself says which engine (<see cref="EngineConnection"/>).</summary>
    public static Uri BaseAddress { get; } = new("http://docker");

    public static HttpClient ClientFor(EngineEndpoint endpoint) =>
        new(HandlerFor(endpoint)) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    public static SocketsHttpHandler HandlerFor(EngineEndpoint endpoint) => new()
    {
        ConnectCallback = (_, token) => new ValueTask<Stream>(EngineConnection.OpenAsync(endpoint, token)),
        UseProxy = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
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
