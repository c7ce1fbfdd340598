using System.Text.Json;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Engine;

/// <summary>The engine's version and image answers as Slipway reads them, without a serializer.</summary>
public sealed class EngineAnswerReadingTests
{
    [Fact]
    public void An_image_answer_gives_identity_platform_labels_size_user_and_a_creation_time_with_nanoseconds()
    {
        using var json = JsonDocument.Parse("""
            {"Id": "sha256:abc", "RepoTags": ["acme/voice:latest", "acme/voice:sha-1234567"], "Os": "linux", "Architecture": "arm64",
             "Variant": "v8", "Size": 123456789, "Created": "2026-12-05T16:59:55.123456789Z",
             "Config": {"User": "appuser", "Labels": {"org.slipway.role": "app"}}}
            """);

        var image = EngineImage.From(json.RootElement);

        Assert.Equal("sha256:abc", image.Id);
        Assert.Equal(["acme/voice:latest", "acme/voice:sha-1234567"], image.RepoTags);
        Assert.Equal(("linux", "arm64", "v8"), (image.Os, image.Architecture, image.Variant));
        Assert.Equal(123456789, image.Size);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 59, 55, TimeSpan.Zero).AddTicks(1234567), image.Created);
        Assert.Equal("appuser", image.User);
        Assert.Equal("app", image.Labels["org.slipway.role"]);
    }

    [Fact]
    public void An_image_without_tags_labels_or_config_reads_as_empty()
    {
        using var json = JsonDocument.Parse("""{"Id": "sha256:def", "RepoTags": null, "Config": {"Labels": null}, "Created": "2026-12-05T16:59:55Z"}""");

        var image = EngineImage.From(json.RootElement);

        Assert.Empty(image.RepoTags);
        Assert.Empty(image.Labels);
        Assert.Null(image.User);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 59, 55, TimeSpan.Zero), image.Created);
    }

    [Fact]
    public void A_version_answer_gives_the_engine_version_api_version_and_platform()
    {
        using var json = JsonDocument.Parse("""{"Version": "20.10.24+dfsg1", "ApiVersion": "1.41", "Os": "linux", "Arch": "amd64", "Components": []}""");

        Assert.Equal(new EngineVersion("20.10.24+dfsg1", "1.41", "linux", "amd64"), EngineVersion.From(json.RootElement));
    }
}
