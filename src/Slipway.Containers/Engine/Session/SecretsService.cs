using Google.Protobuf;
using Grpc.Core;
using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary><c>moby.buildkit.secrets.v1.Secrets/GetSecret</c>: the value of a build secret, NotFound for an unknown id.</summary>
internal sealed class SecretsService(SessionDirectory sessions) : Secrets.SecretsBase
{
    public override Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
    {
        var session = sessions.Of(context);
        if (!session.Secrets.TryGetValue(request.ID, out var secret))
        {
            session.Log.Debug("[session] the build asked for secret {Id}, which --build-secrets does not name", request.ID);
            throw new RpcException(new Status(StatusCode.NotFound, $"secret {request.ID} not found"));
        }
        session.Log.Debug("[session] secret {Id} served ({Source})", secret.Id, secret.Source);
        return Task.FromResult(new GetSecretResponse { Data = ByteString.CopyFrom(secret.Value.Span) });
    }
}
