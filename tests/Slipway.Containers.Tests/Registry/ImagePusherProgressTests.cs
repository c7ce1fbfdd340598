using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Support;
using Slipway.Output.Progress;

namespace Slipway.Containers.Tests.Registry;

/// <summary>What a push reports to the live view: its size first, bytes per blob as they go, skipped blobs, its end.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ImagePusherProgressTests(RegistryFixture fixture)
{
    [Fact]
    public async Task A_push_reports_its_size_then_each_blobs_bytes_and_end_then_its_own_end()
    {
        using var client = fixture.Client();
        var events = new RecordingProgress();

        var pushed = await new ImagePusher(client, progress: events).PushAsync(new MemoryStream(fixture.Arm64Archive), RegistryFixture.NewRepository("progress"));

        Assert.All(events.Events.TakeWhile(e => e is not PushStarted), e => Assert.IsType<PushPreparing>(e)); // compressing, before any byte
        var started = Assert.IsType<PushStarted>(events.Events.First(e => e is not PushPreparing));
        Assert.Equal(pushed.Platform.ToString(), started.Push);
        Assert.Equal(2, started.Blobs);
        var finished = events.Events.OfType<BlobFinished>().ToArray();
        Assert.Equal(2, finished.Length);
        Assert.Equal(started.Bytes, finished.Sum(blob => blob.Size));
        foreach (var blob in finished)
        {
            var sent = events.Events.OfType<BlobProgressed>().Where(moved => moved.Digest == blob.Digest).Select(moved => moved.Sent).ToArray();
            Assert.NotEmpty(sent);
            Assert.Equal(blob.Size, sent[^1]);
            Assert.Equal(sent.Order(), sent);
        }
        Assert.Equal(new PushFinished(started.Push), events.Events[^1]);
    }

    [Fact]
    public async Task Blobs_the_registry_has_are_reported_skipped_under_the_given_name()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("progress");
        await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository);
        var events = new RecordingProgress();

        await new ImagePusher(client, progress: events, label: "app linux/arm64").PushAsync(new MemoryStream(fixture.Arm64Archive), repository);

        Assert.Equal(2, events.Events.OfType<BlobSkipped>().Count(skipped => skipped is { Push: "app linux/arm64", Reason: "the registry has it" }));
        Assert.Empty(events.Events.OfType<BlobProgressed>());
        Assert.Equal(new PushFinished("app linux/arm64"), events.Events[^1]);
    }
}
