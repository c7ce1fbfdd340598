using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Reads_a_bearer_challenge_with_a_quoted_scope_holding_commas()
    {
        var challenge = AuthChallenge.Parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\",error=\"insufficient_scope\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:samalba/my-app:pull,push", challenge.Scope);
        Assert.Equal("insufficient_scope", challenge.Parameters["error"]);
    }

    [Fact]
    public void Reads_basic_and_unquoted_values()
    {
        var basic = AuthChallenge.Parse("Basic realm=\"Registry Realm\"");
        var unquoted = AuthChallenge.Parse("Bearer realm=https://ghcr.io/token, service=ghcr.io");

        Assert.True(basic!.IsBasic);
        Assert.Equal("Registry Realm", basic.Realm);
        Assert.Equal("https://ghcr.io/token", unquoted!.Realm);
        Assert.Equal("ghcr.io", unquoted.Service);
    }

    [Fact]
    public void Prefers_the_bearer_challenge_of_a_response()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"x\"");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"https://t/token\",service=\"s\"");

        Assert.True(AuthChallenge.From(response)!.IsBearer);
    }

    [Fact]
    public void Scope_sets_merge_actions_and_know_what_covers_what()
    {
        var push = ScopeSet.For("acme/voice", RepositoryAccess.Push);
        var pull = ScopeSet.For("acme/voice", RepositoryAccess.Pull);
        var mount = push.Union(ScopeSet.For("acme/builder", RepositoryAccess.Pull));

        Assert.True(push.Covers(pull));
        Assert.False(pull.Covers(push));
        Assert.True(mount.Covers(push));
        Assert.False(push.Covers(mount));
        Assert.True(ScopeSet.Parse(["repository:acme/voice:*"]).Covers(push));
        Assert.Equal(["repository:acme/builder:pull", "repository:acme/voice:pull,push"], mount.ToScopes());
        Assert.True(pull.Covers(ScopeSet.None));
    }
}
