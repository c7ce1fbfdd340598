using System.Diagnostics;
using Slipway.Containers.Registry;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class FaultInjectionTests(RegistryFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public async Task Push_and_index_succeed_through_a_proxy_failing_a_fifth_of_requests(int seed)
    {
        await using var proxy = new FaultInjectingProxy(fixture.Registry.Port, failureRate: 0.2, seed);
        // small upload limits so that chunked uploads (and their resume/restart paths) meet faults too
        var log = new CapturedLog(output);
        var options = RegistryFixture.FastRetries with { MonolithicUploadLimit = 1024, ChunkSize = 64 * 1024, Logger = log.Logger };
        using var client = fixture.Client(options: options, address: proxy.Address);
        var repository = RegistryFixture.NewRepository("faulty");
        var noise = new byte[300 * 1024];
        new Random(seed).NextBytes(noise);
        var big = SyntheticImage.Archive("amd64", null, new Dictionary<string, byte[]> { ["noise.bin"] = noise });
        var pusher = new ImagePusher(client);

        var amd64 = await pusher.PushAsync(new MemoryStream(big), repository);
        var arm64 = await pusher.PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        var index = await new MultiPlatformIndex(client).WriteAsync(repository, "latest", [amd64.ToPlatformManifest(), arm64.ToPlatformManifest()]);

        output.WriteLine($"proxy: {proxy}");
        output.WriteLine($"amd64: {amd64.Report}, arm64: {arm64.Report}");
        Assert.True(proxy.Faults > 0);
        using var direct = fixture.Client();
        var stored = await direct.GetManifestAsync(repository, "latest");
        Assert.Equal(index.Digest, stored?.Digest);
        foreach (var child in new[] { amd64, arm64 })
            Assert.Equal(child.Manifest, await direct.HeadManifestAsync(repository, child.Manifest.Digest));
        using var raw = await Skopeo.InspectRawAsync(fixture.Registry.Address, repository, "latest", LocalRegistry.Username, LocalRegistry.Password);
        Assert.Equal(2, raw.RootElement.GetProperty("manifests").GetArrayLength());
    }

    [Fact]
    public async Task A_registry_that_keeps_failing_gives_one_line_after_bounded_retries_and_no_tag()
    {
        await using var proxy = new FaultInjectingProxy(fixture.Registry.Port, failureRate: 1.0, seed: 1, FaultKind.ServiceUnavailable);
        using var client = fixture.Client(address: proxy.Address);
        var repository = RegistryFixture.NewRepository("down");

        var error = await Assert.ThrowsAsync<SlipwayException>(
            () => new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository));

        output.WriteLine(error.Message);
        Assert.Equal($"registry {proxy.Address} failed push to {repository} after 5 attempts: UNAVAILABLE injected by the test proxy", error.Message);
        Assert.Equal(5, proxy.Requests);
        using var direct = fixture.Client();
        Assert.Empty(await direct.ListTagsAsync(repository));
    }

    [Fact]
    public async Task Connection_resets_are_retried_and_reported_in_one_line_when_they_persist()
    {
        await using var proxy = new FaultInjectingProxy(fixture.Registry.Port, failureRate: 1.0, seed: 1, FaultKind.DropBeforeForwarding);
        using var client = fixture.Client(address: proxy.Address);

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.HeadManifestAsync("voice", "latest"));

        output.WriteLine(error.Message);
        Assert.StartsWith($"registry {proxy.Address} could not be reached for pull from voice after 5 attempts:", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(5, proxy.Requests);
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_times_out_per_attempt()
    {
        await using var proxy = new FaultInjectingProxy(fixture.Registry.Port, failureRate: 1.0, seed: 1, FaultKind.Stall);
        using var client = fixture.Client(options: RegistryFixture.FastRetries with { RequestTimeout = TimeSpan.FromMilliseconds(300) }, address: proxy.Address);

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.BlobExistsAsync("voice", "sha256:" + new string('d', 64)));

        Assert.Equal($"registry {proxy.Address} timed out on pull from voice after 5 attempts: no answer within 0.3s", error.Message);
        // the client gives up on its last attempt after 0.3 s, which under load can be before the proxy has read it
        for (var waited = Stopwatch.StartNew(); proxy.Requests < 5 && waited.Elapsed < TimeSpan.FromSeconds(10);)
            await Task.Delay(50);
        Assert.Equal(5, proxy.Requests);
    }
}
