using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Where a Dockerfile names the builder's and the runtime's base: by ARG or literally, for every shape of the
/// seeds and of the repositories the issue lists.</summary>
public sealed class StageBaseTests
{
    [Theory]
    [InlineData("seed000", "python:3.12-bookworm", 2, "python:3.12-slim-bookworm", 25)]
    [InlineData("seed001", "python:3.12-bookworm", 1, "python:3.12-slim-bookworm", 17)]
    [InlineData("builder-runner-args", "python:3.12-bookworm", 1, "python:3.12-slim-bookworm", 2)]
    [InlineData("python-version-arg", "python:3.12", 2, "python:3.12-slim", 4)]
    [InlineData("shared-base", "python:3.12-slim", 1, "python:3.12-slim", 1)]
    [InlineData("build-platform", "python:3.11-bookworm", 1, "python:3.11-slim-bookworm", 4)]
    [InlineData("uv-bind-mount", "python:3.12-bookworm", 1, "python:3.12-slim-bookworm", 6)]
    public void Each_shape_names_the_builder_and_runtime_base_with_its_line(string shape, string builder, int builderLine, string runtime, int runtimeLine)
    {
        var dockerfile = Dockerfile.Parse(Text(shape));

        var builderBase = dockerfile.BaseOf("builder");
        var runtimeBase = dockerfile.BaseOf();

        Assert.Equal((builder, $"Dockerfile line {builderLine}"), (builderBase.Declared, builderBase.Where));
        Assert.Equal((runtime, $"Dockerfile line {runtimeLine}"), (runtimeBase.Declared, runtimeBase.Where));
    }

    [Fact]
    public void A_whole_arg_is_passed_and_a_literal_or_partly_expanded_from_is_rewritten()
    {
        Assert.Equal("BUILDER_BASE", Dockerfile.Parse(StageBaseShapes.BuilderAndRunnerArgs).BaseOf("builder").Argument?.Name);
        Assert.True(Dockerfile.Parse(RealDockerfiles.Seed001).BaseOf("builder").IsLiteral);
        Assert.True(Dockerfile.Parse(StageBaseShapes.PythonVersionArg).BaseOf().IsLiteral);
    }

    [Fact]
    public void Seed_002s_builder_is_literal_and_its_app_takes_the_runtime_base_by_arg()
    {
        var builder = Dockerfile.Parse(RealDockerfiles.Seed002Builder, "docker/dockerfile.dev").BaseOf("builder");
        var app = Dockerfile.Parse(RealDockerfiles.Seed002App).BaseOf();

        Assert.Equal(("python:3.11-bookworm", true, "docker/dockerfile.dev line 1"), (builder.Declared, builder.IsLiteral, builder.Where));
        Assert.Equal(("python:3.11-slim-bookworm", "RUNTIME_IMAGE", "Dockerfile line 2"), (app.Declared, app.Argument?.Name, app.Where));
    }

    [Fact]
    public void A_stage_built_from_a_stage_names_the_base_of_the_stage_that_names_an_image()
    {
        var dockerfile = Dockerfile.Parse(StageBaseShapes.SharedBase);

        Assert.Equal("base", dockerfile.BaseOf("builder").Stage.Name);
        Assert.Equal("base", dockerfile.BaseOf().Stage.Name);
    }

    [Fact]
    public void An_arg_without_a_default_declares_no_reference_and_says_which_arg()
    {
        var whole = Dockerfile.Parse("ARG BASE\nFROM ${BASE} AS builder\nRUN true\n").BaseOf("builder");
        var inside = Dockerfile.Parse("ARG VERSION\nFROM python:${VERSION}-slim\n").BaseOf();

        Assert.Equal((null, "Dockerfile line 1", "BASE"), (whole.Declared, whole.Where, string.Join(" ", whole.MissingDefaults)));
        Assert.Equal((null, "Dockerfile line 2", "VERSION"), (inside.Declared, inside.Where, string.Join(" ", inside.MissingDefaults)));
    }

    [Fact]
    public void A_named_argument_is_taken_even_where_the_from_does_not_use_it_whole()
    {
        var named = Dockerfile.Parse("ARG PY=3.12\nARG IMAGE=python:3.12\nFROM python:${PY}\n").BaseOf(argument: "IMAGE");

        Assert.Equal(("IMAGE", "python:3.12", "Dockerfile line 2"), (named.Argument?.Name, named.Declared, named.Where));
    }

    [Fact]
    public void Rewriting_a_base_keeps_the_platform_flag_the_name_the_body_and_every_line_number()
    {
        var dockerfile = Dockerfile.Parse(StageBaseShapes.BuildPlatformStage + "\n");

        var text = dockerfile.ReplacingBase(dockerfile.BaseOf("builder").Stage, "slipway-base/python-builder:3.11-bookworm-arm64-0123");

        var lines = text.Split('\n');
        Assert.Equal("FROM --platform=$BUILDPLATFORM slipway-base/python-builder:3.11-bookworm-arm64-0123 AS builder", lines[0]);
        Assert.Equal(StageBaseShapes.BuildPlatformStage.Split('\n')[1..], lines[1..^1]);
    }

    [Fact]
    public void Rewriting_a_from_continued_over_lines_blanks_its_continuation()
    {
        var dockerfile = Dockerfile.Parse("FROM \\\n  python:3.11-slim \\\n  AS app\r\nRUN true\n");

        Assert.Equal("FROM local:1 AS app\n\n\r\nRUN true\n", dockerfile.ReplacingBase(dockerfile.FinalStage, "local:1"));
    }

    private static string Text(string shape) => shape switch
    {
        "builder-runner-args" => StageBaseShapes.BuilderAndRunnerArgs,
        "python-version-arg" => StageBaseShapes.PythonVersionArg,
        "shared-base" => StageBaseShapes.SharedBase,
        "build-platform" => StageBaseShapes.BuildPlatformStage,
        "uv-bind-mount" => StageBaseShapes.UvBindMount,
        var seed => RealDockerfiles.Text(seed),
    };
}
