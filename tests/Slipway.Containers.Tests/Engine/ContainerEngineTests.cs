using System.Diagnostics;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

[Collection("engine")]
public sealed class ContainerEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private ContainerEngine Engine => fixture.Engine;

    [Fact]
    public async Task Ping_of_a_socket_that_does_not_exist_fails_quickly_with_one_clear_line()
    {
        using var engine = new ContainerEngine(EngineEndpoint.Parse("unix:///tmp/slipway-no-such-engine.sock"));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => engine.PingAsync());

        Assert.Equal(
            "Docker engine at unix:///tmp/slipway-no-such-engine.sock does not answer: start dockerd / Docker Desktop, or set DOCKER_HOST",
            failure.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Ping_of_a_tcp_port_nobody_listens_on_fails_with_the_same_line()
    {
        using var engine = new ContainerEngine(EngineEndpoint.Parse("tcp://127.0.0.1:1"), TimeSpan.FromSeconds(2));

        var failure = await Assert.ThrowsAsync<SlipwayException>(() => engine.PingAsync());

        Assert.StartsWith("Docker engine at tcp://127.0.0.1:1 does not answer: start dockerd / Docker Desktop, or set DOCKER_HOST", failure.Message);
    }

    [Fact]
    public async Task Ping_of_the_running_engine_answers() => await Engine.PingAsync();

    [Fact]
    public async Task Platform_is_the_engines_os_and_architecture()
    {
        var platform = await Engine.GetPlatformAsync();

        Assert.Equal("linux/amd64", platform.ToString());
    }

    [Fact]
    public async Task Inspecting_an_absent_image_gives_null()
    {
        Assert.Null(await Engine.InspectImageAsync("slipway-test/absent:never"));
        Assert.False(await Engine.ImageExistsAsync("slipway-test/absent:never"));
    }

    [Fact]
    public async Task Inspecting_a_local_image_gives_its_id_platform_and_size()
    {
        var image = await Engine.InspectImageAsync(fixture.Arm64Base);

        Assert.NotNull(image);
        Assert.StartsWith("sha256:", image.Id);
        Assert.Equal("linux/arm64", image.Platform.ToString());
        Assert.Contains(fixture.Arm64Base, image.Tags);
        Assert.True(image.Size > 500_000, $"size {image.Size}");
    }

    [Fact]
    public async Task Tagging_adds_a_name_and_removing_takes_it_away_again()
    {
        const string extra = "slipway-test/tagged:extra";
        await Engine.TagImageAsync(fixture.Amd64Base, extra);
        try
        {
            var tagged = await Engine.InspectImageAsync(extra);
            Assert.Equal((await Engine.InspectImageAsync(fixture.Amd64Base))!.Id, tagged!.Id);
        }
        finally
        {
            Assert.True(await Engine.RemoveImageAsync(extra));
        }

        Assert.False(await Engine.ImageExistsAsync(extra));
        Assert.True(await Engine.ImageExistsAsync(fixture.Amd64Base));
        Assert.False(await Engine.RemoveImageAsync(extra));
    }

    [Fact]
    public async Task Tagging_an_absent_image_fails_with_the_engines_reason()
    {
        var failure = await Assert.ThrowsAsync<SlipwayException>(() => Engine.TagImageAsync("slipway-test/absent:never", "slipway-test/x:y"));

        Assert.Contains("tagging slipway-test/absent:never as slipway-test/x:y", failure.Message);
        Assert.Contains("No such image", failure.Message, StringComparison.OrdinalIgnoreCase);
    }
}
