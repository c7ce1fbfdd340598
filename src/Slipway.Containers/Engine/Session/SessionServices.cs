using Grpc.Core;
using Microsoft.AspNetCore.Connections.Features;

namespace Slipway.Containers.Engine.Session;

/// <summary>Finds the <see cref="BuildSession"/> a gRPC call belongs to: each hijacked engine connection is one session.</summary>
internal sealed class SessionDirectory
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BuildSession> _byConnection = new();

    public void Add(string connectionId, BuildSession session) => _byConnection[connectionId] = session;

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    public BuildSession Of(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var id = http.Features.Get<IConnectionIdFeature>()?.ConnectionId ?? http.Connection.Id;
        return _byConnection.TryGetValue(id, out var session)
            ? session
            : throw new RpcException(new Status(StatusCode.Unavailable, "no build session on this connection"));
    }
}
