using System.Runtime.Versioning;
using System.Security.Cryptography;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Engine.Session;

/// <summary>The session's shared key is stable per context folder, so the engine asks again only for what changed.</summary>
[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class IncrementalContextTests(EngineFixture fixture, ITestOutputHelper output) : IClassFixture<EngineFixture>, IDisposable
{
    private const int Megabyte = 1024 * 1024;
    private readonly TempFolder _context = new();
    private readonly LogCapture _log = new();
    private readonly string _tag = $"slipway-test/incremental:{Guid.NewGuid():N}"[..40];

    public void Dispose()
    {
        fixture.Engine.RemoveImageAsync(_tag, force: true).GetAwaiter().GetResult();
        _context.Dispose();
    }

    [Fact]
    public async Task A_second_build_of_an_unchanged_50_MB_context_sends_a_small_fraction_and_a_changed_file_is_picked_up()
    {
        _context.Write("data/changing.txt", "first\n");
        for (var i = 0; i < 50; i++)
            await File.WriteAllBytesAsync(_context.Path / $"data/part-{i:00}.bin", RandomNumberGenerator.GetBytes(Megabyte));
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nCOPY . /ctx\nRUN cat /ctx/data/changing.txt\n");
        const long contextBytes = 50L * Megabyte;

        var first = await BuildAsync("first");
        var second = await BuildAsync("unchanged");
        _context.Write("data/changing.txt", "second\n");
        var third = await BuildAsync("one file changed");

        Assert.True(first.FileBytesSent >= contextBytes, $"first build sent {first}");
        output.WriteLine($"second build: {second.BytesSent} of {contextBytes} bytes ({100.0 * second.BytesSent / contextBytes:0.000} %)");
        Assert.True(second.BytesSent < contextBytes / 100, $"second build sent {second}");
        Assert.True(third.BytesSent < contextBytes / 100 && third.FilesSent >= 1, $"third build sent {third}");
        var seen = await fixture.Engine.RunAsync(_tag, ["cat", "/ctx/data/changing.txt"]);
        Assert.Equal("second\n", seen.StandardOutput);
    }

    [Fact]
    public async Task Only_the_context_paths_the_dockerfile_reads_are_sent_through_the_session()
    {
        _context.Write("data/read.txt", "read\n");
        await File.WriteAllBytesAsync(_context.Path / "data/unread.bin", RandomNumberGenerator.GetBytes(Megabyte));
        _context.Write("other/unread.txt", "not read\n");
        _context.Write("Dockerfile", $"FROM {fixture.Amd64Base}\nCOPY . /ctx\n");

        var sent = await BuildAsync("context paths", ["data/read.txt"]);

        var listing = await fixture.Engine.RunAsync(_tag, ["find", "/ctx"]);
        Assert.Equal(["/ctx", "/ctx/Dockerfile", "/ctx/data", "/ctx/data/read.txt"],
            listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.True(sent.FileBytesSent < 1024, $"sent {sent}");
    }

    private async Task<Slipway.Containers.Engine.Session.TransferCounter> BuildAsync(string label, IReadOnlyList<string>? contextPaths = null)
    {
        var builder = fixture.Builder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await builder.BuildAsync(new ImageBuild(_context.Path) { Tags = [_tag], ContextPaths = contextPaths }, _log.Logger);
        var transfer = builder.ContextTransfer ?? throw new InvalidOperationException("the build used no session");
        output.WriteLine($"{label}: {transfer} in {clock.Elapsed.TotalSeconds:0.00} s");
        return transfer;
    }
}
