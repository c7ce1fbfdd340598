using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>What each stage of a real Dockerfile reads from the build context (the union over the stages it is built
/// from and copies --from).</summary>
public sealed class ContextReadsTests
{
    [Theory]
    [InlineData("seed000", "builder", "requirements.txt")]
    [InlineData("seed000", null, ". requirements.txt")]
    [InlineData("seed001", "builder", "requirements.txt .")]
    [InlineData("seed001", "runner", ". requirements.txt")]
    [InlineData("seed002-builder", "builder", "requirements.txt vendor/*.tar.gz")]
    [InlineData("seed002-builder", "check", "requirements.txt vendor/*.tar.gz")]
    [InlineData("seed002-app", null, "main.py bailing config plugins server")]
    [InlineData("seed002-app", "builder", "")]
    [InlineData("uv-multistage", "builder", "uv.lock pyproject.toml .")]
    [InlineData("uv-multistage", null, "uv.lock pyproject.toml .")]
    [InlineData("uv-builder", null, "uv.lock pyproject.toml")]
    [InlineData("docker-hello", "build", "")]
    [InlineData("docker-hello", null, "")]
    [InlineData("docker-stages", "builder", "")]
    [InlineData("docker-stages", "build1", "source1.cpp")]
    [InlineData("docker-stages", "build2", "source2.cpp")]
    [InlineData("docker-image-copy", null, "index.html")]
    [InlineData("repo-builder", null, "app/requirements.txt app/native")]
    [InlineData("repo-app", null, "app/voice")]
    [InlineData("repo-app", "test", "app")]
    [InlineData("repo-app", "builder", "")]
    public void A_stage_reads_what_its_instructions_and_the_stages_it_uses_read(string dockerfile, string? target, string expected)
    {
        var reads = Dockerfile.Parse(RealDockerfiles.Text(dockerfile), dockerfile).ReadsFromContext(target);

        Assert.Equal(expected, string.Join(" ", reads.Sources));
    }

    [Fact]
    public void Reads_name_the_file_stage_line_and_instruction()
    {
        var reads = Dockerfile.Parse(RealDockerfiles.UvMultistage, "multistage.Dockerfile").ReadsFromContext();

        Assert.Equal(
            ["multistage.Dockerfile line 7: RUN --mount uv.lock", "multistage.Dockerfile line 7: RUN --mount pyproject.toml",
             "multistage.Dockerfile line 11: ADD ."],
            reads.Reads.Select(read => read.ToString()));
        Assert.All(reads.Reads, read => Assert.Equal("builder", read.Stage));
        Assert.Equal("multistage.Dockerfile line 11: ADD .", reads.WholeContext?.ToString());
        Assert.Equal(["stage 1", "builder"], reads.Stages.Select(stage => stage.Label));
    }

    [Fact]
    public void The_stages_a_target_uses_are_its_bases_and_what_it_copies_from()
    {
        var dockerfile = Dockerfile.Parse(RealDockerfiles.Seed002Builder);

        Assert.Equal(["check", "builder"], dockerfile.ReadsFromContext("check").Stages.Select(stage => stage.Label));
        Assert.Equal(["runner", "builder"], Dockerfile.Parse(RealDockerfiles.Seed000).ReadsFromContext().Stages.Select(stage => stage.Label));
    }
}
