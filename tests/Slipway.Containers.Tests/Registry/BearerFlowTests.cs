using Slipway.Containers.Registry;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Registry;

/// <summary>The token flow GHCR and Docker Hub use, against a local token gateway in front of an anonymous registry.</summary>
[Collection(RegistryCollection.Name)]
public sealed class BearerFlowTests(RegistryFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private LocalRegistry registry = null!;
    private BearerTokenGateway gateway = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartAsync(htpasswd: false);
        gateway = new BearerTokenGateway(registry.Port, "octocat", "ghp_token-value");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await registry.DisposeAsync();
    }

    [Fact]
    public async Task Obtains_a_token_with_basic_credentials_and_uses_it_for_push_and_index()
    {
        using var client = new RegistryClient(gateway.Address, new RegistryCredentials("octocat", "ghp_token-value"), RegistryFixture.FastRetries);
        var pusher = new ImagePusher(client);

        var amd64 = await pusher.PushAsync(new MemoryStream(fixture.EngineArchive), "acme/voice");
        var arm64 = await pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/voice");
        await new MultiPlatformIndex(client).WriteAsync("acme/voice", "latest", [amd64.ToPlatformManifest(), arm64.ToPlatformManifest()]);
        var tags = await client.ListTagsAsync("acme/voice");

        output.WriteLine($"token requests: {string.Join(" | ", gateway.TokenRequests)}");
        output.WriteLine($"forwarded with a token: {gateway.Forwarded}, challenged: {gateway.Challenged}");
        Assert.Equal(RegistryAuthScheme.Bearer, client.AuthScheme);
        Assert.Equal(["latest"], tags);
        Assert.Single(gateway.TokenRequests); // one pull,push token, cached and reused for every later request
        Assert.Equal(1, client.TokensFetched);
        Assert.Contains("scope=repository:acme/voice:pull,push", gateway.TokenRequests[0]);
        Assert.Contains($"service={BearerTokenGateway.Service}", gateway.TokenRequests[0]);
        Assert.Equal(1, gateway.Challenged); // only the very first request went without a token
        Assert.True(gateway.Forwarded > 10);
    }

    [Fact]
    public async Task Parallel_pushes_through_one_client_share_one_token()
    {
        using var client = new RegistryClient(gateway.Address, new RegistryCredentials("octocat", "ghp_token-value"), RegistryFixture.FastRetries);
        var pusher = new ImagePusher(client);
        gateway.HoldFirstChallenges(2);

        var pushed = await Task.WhenAll(
            pusher.PushAsync(new MemoryStream(fixture.EngineArchive), "acme/voice"),
            pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/voice"));
        await new MultiPlatformIndex(client).WriteAsync("acme/voice", "latest", pushed.Select(p => p.ToPlatformManifest()).ToList());

        Assert.Single(gateway.TokenRequests);
        Assert.Equal(["latest"], await client.ListTagsAsync("acme/voice"));
    }

    [Fact]
    public async Task A_token_the_registry_stops_accepting_is_replaced_once()
    {
        using var client = new RegistryClient(gateway.Address, new RegistryCredentials("octocat", "ghp_token-value"), RegistryFixture.FastRetries);
        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/voice");
        await new MultiPlatformIndex(client).WriteAsync("acme/voice", "latest", [pushed.ToPlatformManifest()]);
        var before = gateway.TokenRequests.Count;

        gateway.RevokeAll();
        var tags = await client.ListTagsAsync("acme/voice");

        Assert.Equal(["latest"], tags);
        Assert.Equal(before + 1, gateway.TokenRequests.Count);
    }

    [Fact]
    public async Task Mount_asks_one_token_for_both_repositories()
    {
        using var client = new RegistryClient(gateway.Address, new RegistryCredentials("octocat", "ghp_token-value"), RegistryFixture.FastRetries);
        await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/builder");

        var pushed = await new ImagePusher(client, new ImagePushOptions { MountFrom = ["acme/builder"] })
            .PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/app");

        output.WriteLine(string.Join(" | ", gateway.TokenRequests));
        Assert.Equal(2, pushed.Report.BlobsMounted);
        Assert.Contains(gateway.TokenRequests, r => r.Contains("repository:acme/app:pull,push") && r.Contains("repository:acme/builder:pull"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_by_the_token_server_in_one_line()
    {
        using var client = new RegistryClient(gateway.Address, new RegistryCredentials("octocat", "not-the-token"), RegistryFixture.FastRetries);

        var error = await Assert.ThrowsAsync<SlipwayException>(
            () => new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/voice"));

        output.WriteLine(error.Message);
        Assert.Equal(
            $"registry {gateway.Address} refused push to acme/voice: its token server {gateway.Address} rejected the credentials of 'octocat': incorrect username or password",
            error.Message);
        Assert.DoesNotContain("not-the-token", error.ToString());
        Assert.Equal(0, gateway.Forwarded);
    }

    [Fact]
    public async Task Neither_logs_nor_errors_carry_the_password_or_the_tokens()
    {
        var log = new CapturedLog(output);
        await using var proxy = new FaultInjectingProxy(gateway.Port, failureRate: 0.25, seed: 3);
        var options = RegistryFixture.FastRetries with { Logger = log.Logger, MonolithicUploadLimit = 256, ChunkSize = 512 };
        using var client = new RegistryClient(proxy.Address, new RegistryCredentials("octocat", "ghp_token-value"), options);
        using var wrong = new RegistryClient(proxy.Address, new RegistryCredentials("octocat", "ghp_wrong-value"), options);

        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), "acme/voice");
        await new MultiPlatformIndex(client).WriteAsync("acme/voice", "latest", [pushed.ToPlatformManifest()]);
        var error = await Assert.ThrowsAsync<SlipwayException>(() => wrong.ListTagsAsync("acme/voice"));

        output.WriteLine($"proxy: {proxy}");
        var everything = string.Join('\n', log.Lines.Append(error.ToString()));
        Assert.Contains(log.Lines, l => l.StartsWith("[Warning]", StringComparison.Ordinal)); // faults were logged
        Assert.DoesNotContain("ghp_", everything);
        Assert.NotEmpty(gateway.IssuedTokens);
        foreach (var token in gateway.IssuedTokens)
            Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(Convert.ToBase64String("octocat:ghp_token-value"u8.ToArray()), everything);
    }
}
