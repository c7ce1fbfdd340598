using System.Runtime.Versioning;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine.Session;

[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class RewrittenDockerfileTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly TempFolder _context = new();
    private readonly string _tag = $"slipway-test/rewritten:{Guid.NewGuid():N}"[..40];

    public void Dispose()
    {
        fixture.Engine.RemoveImageAsync(_tag, force: true).GetAwaiter().GetResult();
        _context.Dispose();
    }

    [Fact]
    public async Task A_dockerfile_rewritten_in_memory_is_what_the_engine_reads_through_the_session()
    {
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nRUN echo from-disk > /origin\n");
        var marker = $"from-memory-{Guid.NewGuid():N}";
        var builder = fixture.Builder();

        await builder.BuildAsync(new ImageBuild(_context.Path)
        {
            Tags = [_tag],
            DockerfileText = $"FROM {fixture.Amd64Base}\nRUN echo {marker} > /origin\n",
        }, new LogCapture().Logger);

        Assert.NotNull(builder.ContextTransfer);
        var origin = await fixture.Engine.RunAsync(_tag, ["cat", "/origin"]);
        Assert.Equal(marker + "\n", origin.StandardOutput);
        Assert.Equal($"FROM {fixture.Amd64Base}\nRUN echo from-disk > /origin\n", File.ReadAllText(_context.Path / "Dockerfile"));
    }
}
