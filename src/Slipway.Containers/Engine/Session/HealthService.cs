using Grpc.Core;
using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary><c>grpc.health.v1.Health/Check</c>: BuildKit drops a session whose health check fails.</summary>
internal sealed class HealthService(SessionDirectory sessions) : Health.HealthBase
{
    private static readonly HealthCheckResponse Serving = new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        sessions.Of(context).Log.Verbose("[session] health check");
        return Task.FromResult(Serving);
    }
}
