using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Builder and app in one Dockerfile: the app is built with the builder stage replaced by the builder image.</summary>
public sealed class StageReplacementTests
{
    [Fact]
    public void Replacing_the_builder_stage_keeps_every_other_line_where_it_was()
    {
        var dockerfile = Dockerfile.Parse(RealDockerfiles.Seed000);

        var text = dockerfile.ReplacingStage("builder", "voice-builder:deps-0123456789ab");

        var lines = text.Split('\n');
        var original = RealDockerfiles.Seed000.Split('\n');
        Assert.Equal(original.Length, lines.Length);
        Assert.Equal("FROM voice-builder:deps-0123456789ab AS builder", lines[1]);
        Assert.All(Enumerable.Range(2, 22), index => Assert.Equal("", lines[index]));
        Assert.Equal(original[24..], lines[24..]);
        var rewritten = Dockerfile.Parse(text);
        Assert.Equal(("builder", "voice-builder:deps-0123456789ab"), (rewritten.Stages[0].Name, rewritten.Stages[0].Base));
        Assert.Empty(rewritten.Stages[0].Instructions);
        Assert.Equal(dockerfile.FinalStage.Line, rewritten.FinalStage.Line);
        Assert.Equal(".", string.Join(" ", rewritten.ReadsFromContext().Sources)); // the builder's requirements.txt is no longer read
    }

    [Fact]
    public void A_stage_in_the_middle_and_crlf_line_endings()
    {
        var text = "FROM alpine AS builder\r\nRUN make\r\nFROM builder AS test\r\nRUN test\r\nFROM scratch\r\nCOPY --from=builder /out /\r\n";

        var replaced = Dockerfile.Parse(text).ReplacingStage("BUILDER", "b:deps-1");

        Assert.Equal("FROM b:deps-1 AS builder\r\n\r\nFROM builder AS test\r\nRUN test\r\nFROM scratch\r\nCOPY --from=builder /out /\r\n", replaced);
    }

    [Fact]
    public void An_unknown_stage_is_one_error()
    {
        var failure = Assert.Throws<SlipwayException>(() => Dockerfile.Parse("FROM alpine AS app\n", "Dockerfile").ReplacingStage("builder", "x:1"));
        Assert.Equal("Dockerfile has no stage named 'builder' to replace (its stages: app)", failure.Message);
    }
}
