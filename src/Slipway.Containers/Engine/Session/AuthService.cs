using Grpc.Core;
using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary><c>moby.filesync.v1.Auth/Credentials</c>: the registry login for a host the engine pulls from; empty
/// (anonymous) for a host Slipway has no login for.</summary>
internal sealed class AuthService(SessionDirectory sessions) : Auth.AuthBase
{
    public override Task<CredentialsResponse> Credentials(CredentialsRequest request, ServerCallContext context)
    {
        var session = sessions.Of(context);
        var login = session.Logins.FirstOrDefault(login => RegistryHost.Same(login.Server, request.Host));
        session.Log.Debug("[session] engine asks credentials for {Host}: {Answer}", request.Host, login?.ToString() ?? "anonymous");
        return Task.FromResult(login is null
            ? new CredentialsResponse()
            : new CredentialsResponse { Username = login.Username, Secret = login.Password });
    }
}
