using Slipway.Containers.Tests.Components;

namespace Slipway.Containers.Tests.EngineReach;

/// <summary>An engine with mutual TLS (a dockerd with --tlsverify on 127.0.0.1, certificates made by openssl), reached
/// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH: the builds, the BuildKit session and the direct requests all over TLS.</summary>
[Collection("engine")]
public sealed class TlsEngineTests(TlsEngine engine) : IClassFixture<TlsEngine>, IAsyncLifetime
{
    private readonly ReachedEngineBuild _build = new();

    [Fact]
    public async Task The_sample_is_built_and_pushed_on_an_engine_with_mutual_TLS()
    {
        // the engine has its own image store: the stand-ins are loaded into it (from their cache) over TLS too
        var output = await _build.PushesAsync(engine.EnvironmentWith(engine.Certificates.Client), "--base-images", "StandIn");

        Assert.Contains($"Docker engine: {engine.Address} (DOCKER_HOST)", output);
        Assert.DoesNotContain("without TLS", output);
        Assert.NotEmpty(await engine.Engine.ListImagesAsync(_build.ImageName, new Dictionary<string, string>()));
    }

    [Fact]
    public async Task A_CA_that_did_not_sign_the_engine_is_one_line()
    {
        var output = await _build.FailsAsync(engine.EnvironmentWith(engine.Certificates.WrongCa));

        Assert.Contains($"TLS with the Docker engine at {engine.Address} failed: its certificate is not signed by the CA in {engine.Certificates.WrongCa}/ca.pem", output);
    }

    [Fact]
    public async Task A_client_certificate_the_engine_rejects_is_one_line()
    {
        var output = await _build.FailsAsync(engine.EnvironmentWith(engine.Certificates.RejectedClient));

        Assert.Contains($"TLS with the Docker engine at {engine.Address} failed: the engine refused the client certificate {engine.Certificates.RejectedClient}/cert.pem", output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var repository in new[] { _build.ImageName, _build.ImageName + "-builder" })
            foreach (var image in await engine.Engine.ListImagesAsync(repository, new Dictionary<string, string>()))
                foreach (var tag in image.Tags.Where(tag => tag.StartsWith(repository + ":", StringComparison.Ordinal)))
                    await engine.Engine.RemoveImageAsync(tag, force: true);
        await _build.DisposeAsync();
    }
}
