using System.Net.Sockets;
using Docker.DotNet;

namespace Slipway.Containers.Engine;

/// <summary>Turns what Docker.DotNet throws into the one line a user should read.</summary>
internal static class EngineFailure
{
    /// <summary>A <see cref="SlipwayException"/> for an engine failure, or null when <paramref name="exception"/> is something else.</summary>
    public static SlipwayException? Translate(ContainerEngine engine, string what, Exception exception) => exception switch
    {
        SlipwayException => null,
        _ when ConnectionFailureIn(exception) is { } connection => new SlipwayException(connection.Message, exception),
        DockerApiException api => new SlipwayException($"Docker engine refused {what}: {MessageOf(api)}", api),
        EngineAnswer answer => new SlipwayException($"Docker engine refused {what}: {answer.Message}", answer),
        HttpRequestException or SocketException => new SlipwayException(engine.NotAnswering, exception),
        HttpIOException => new SlipwayException($"Docker engine at {engine.Endpoint} broke off {what}: {exception.Message}", exception),
        IOException when exception.InnerException is SocketException => new SlipwayException(engine.NotAnswering, exception),
        _ => null,
    };

    /// <summary>Why the connection could not be made (TLS, ssh), however deep the HTTP stack wrapped it.</summary>
    private static Session.EngineConnectionException? ConnectionFailureIn(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is Session.EngineConnectionException connection)
                return connection;
        return null;
    }

    /// <summary>The engine's <c>{"message": "..."}</c> text, or the status code when the body says nothing.</summary>
    public static string MessageOf(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim();
        return string.IsNullOrEmpty(body) ? $"HTTP {(int)exception.StatusCode} {exception.StatusCode}" : EngineHttp.MessageOf(body);
    }
}
