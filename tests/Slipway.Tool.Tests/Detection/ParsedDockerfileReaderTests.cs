using Slipway.Tool.Detection;

namespace Slipway.Tool.Tests.Detection;

public sealed class ParsedDockerfileReaderTests
{
    [Fact]
    public void Reads_stages_arguments_copies_from_and_the_venv_across_continuations_and_comments()
    {
        var summary = new ParsedDockerfileReader().Read("Dockerfile", """
            # syntax=docker/dockerfile:1
            ARG BUILDER_IMAGE="ghcr.io/acme/x-builder:latest" RUNTIME_IMAGE
            ARG RUNTIME_IMAGE=python:3.11-slim
            FROM --platform=$BUILDPLATFORM ${BUILDER_IMAGE} AS Builder
            # COPY --from=nothing
            FROM $RUNTIME_IMAGE
            RUN python -m venv \
                /venv
            COPY --link \
                 --from=builder /opt/venv /opt/venv
            """);

        Assert.Equal(2, summary.Stages.Count);
        Assert.Equal(new DockerfileStage(0, "builder", "${BUILDER_IMAGE}", "BUILDER_IMAGE", [], HasOwnSteps: false), summary.Stages[0] with { CopiesFrom = [] });
        Assert.Equal("RUNTIME_IMAGE", summary.Stages[1].BaseArgument);
        Assert.Equal(["builder"], summary.Stages[1].CopiesFrom);
        Assert.Equal("python:3.11-slim", summary.ResolvedBase(summary.Stages[1]));
        Assert.Equal("ghcr.io/acme/x-builder:latest", summary.Arguments["BUILDER_IMAGE"]);
        Assert.Equal("/venv", summary.VenvPath);
        Assert.True(summary.TakesBuilderImage);
        Assert.False(summary.HasBuilderStageAndApp);
        Assert.True(summary.Stages[1].HasOwnSteps);
    }
}
