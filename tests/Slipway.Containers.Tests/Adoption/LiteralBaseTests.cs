using System.Diagnostics;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Adoption;

/// <summary>Dockerfiles that name their bases literally (seed 001's shape) build as written, on the bases they name:
/// resolved as an official name in the engine (here the stand-ins tagged under it), rewritten in the text the engine
/// gets, in the dependency hash; a changed base rebuilds the builder, a base that exists nowhere is one error line.</summary>
[Collection("engine")]
public sealed class LiteralBaseTests
{
    private static readonly string[] OneFile = ["--builder-dockerfile", "Dockerfile", "--app-dockerfile", "Dockerfile", "--platforms", "linux/amd64"];

    private const string Seed001Offline = """
        FROM python:3.11-bookworm AS builder
        RUN python -m venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY ./requirements.txt /app/requirements.txt
        RUN --mount=type=cache,target=/root/.cache/pip cp /app/requirements.txt /opt/venv/

        FROM python:3.11-slim-bookworm AS runner
        WORKDIR /app
        RUN useradd --create-home --shell /bin/bash appuser
        COPY --from=builder /opt/venv /opt/venv
        COPY --chown=appuser:appuser main.py /app/
        USER appuser
        ENV PATH="/opt/venv/bin:$PATH"
        CMD ["python", "main.py"]
        """;

    private static FixtureRepository Repository(string dockerfile) => new(new Dictionary<string, string>
    {
        ["Dockerfile"] = dockerfile,
        ["requirements.txt"] = "requests\n",
        ["main.py"] = "print('literal')\n",
    }) { BaseImages = "Auto" };

    [Fact]
    public async Task A_one_file_dockerfile_with_literal_froms_builds_and_is_up_to_date_the_second_time()
    {
        using var repository = Repository(Seed001Offline);

        var first = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(first.ExitCode == 0, repository.LastOutput);
        Assert.Contains("Builder base python:3.11-bookworm from Dockerfile line 1", repository.LastOutput);
        Assert.Contains("Runtime base python:3.11-slim-bookworm from Dockerfile line 8", repository.LastOutput);
        Assert.Matches("linux/amd64: Dockerfile is sent with line 1's FROM python:3.11-bookworm naming \\S+ \\(the file is unchanged\\)", repository.LastOutput);
        Assert.Equal(Seed001Offline, File.ReadAllText(repository.Root / "Dockerfile"));

        var again = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(again.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, again["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.UpToDate, again["BuildAppImage"]!.Status);
    }

    [Theory]
    [InlineData("builder-runner-args")]
    [InlineData("python-version-arg")]
    [InlineData("shared-base")]
    [InlineData("build-platform")]
    [InlineData("uv-bind-mount")]
    public async Task Each_shape_of_naming_the_bases_builds_as_written_and_is_up_to_date_the_second_time(string shape)
    {
        using var repository = new FixtureRepository(new Dictionary<string, string>
        {
            ["Dockerfile"] = Shape(shape),
            ["requirements.txt"] = "requests\n",
            ["main.py"] = "print('shape')\n",
            ["uv.lock"] = "version = 1\n",
            ["pyproject.toml"] = "[project]\nname = \"svc\"\n",
        }) { BaseImages = "Auto" };

        var first = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(first.ExitCode == 0, repository.LastOutput);
        var again = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(again.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, again["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.UpToDate, again["BuildAppImage"]!.Status);
    }

    private static string Shape(string shape) => shape switch
    {
        "builder-runner-args" => Dockerfiles.StageBaseShapes.BuilderAndRunnerArgs,
        "python-version-arg" => Dockerfiles.StageBaseShapes.PythonVersionArg,
        "shared-base" => Dockerfiles.StageBaseShapes.SharedBase,
        "build-platform" => Dockerfiles.StageBaseShapes.BuildPlatformStage,
        "uv-bind-mount" => Dockerfiles.StageBaseShapes.UvBindMount,
        _ => throw new ArgumentException(shape),
    };

    [Fact]
    public async Task Changing_the_literal_base_rebuilds_the_builder_from_the_new_base()
    {
        using var repository = Repository(Seed001Offline);
        Assert.True((await repository.RunAsync(["BuildAppImage", .. OneFile])).ExitCode == 0, repository.LastOutput);

        repository.Write("Dockerfile", Seed001Offline.Replace("FROM python:3.11-bookworm AS builder", "FROM python:3.12-bookworm AS builder"));
        var changed = await repository.RunAsync(["BuildAppImage", .. OneFile]);

        Assert.True(changed.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, changed["BuildBuilderImage"]!.Status);
        Assert.Contains("Builder base python:3.12-bookworm from Dockerfile line 1", repository.LastOutput);
        Assert.Matches("Dockerfile is sent with line 1's FROM python:3.12-bookworm naming", repository.LastOutput);
    }

    [Fact]
    public async Task Changing_an_arg_default_rebuilds_the_builder_from_the_new_base_and_an_explicit_base_says_what_it_replaces()
    {
        var withArgs = "ARG BUILDER_BASE=python:3.11-bookworm\n" + Seed001Offline.Replace("FROM python:3.11-bookworm AS builder", "FROM ${BUILDER_BASE} AS builder");
        using var repository = Repository(withArgs);
        Assert.True((await repository.RunAsync(["BuildAppImage", .. OneFile])).ExitCode == 0, repository.LastOutput);

        repository.Write("Dockerfile", withArgs.Replace("BUILDER_BASE=python:3.11-bookworm", "BUILDER_BASE=python:3.12-bookworm"));
        var changed = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(changed.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, changed["BuildBuilderImage"]!.Status);
        Assert.Contains("(builder base python:3.12-bookworm)", repository.LastOutput);

        var replaced = await repository.RunAsync(["BuildAppImage", .. OneFile, "--builder-base-image", "python:3.11-bookworm"]);
        Assert.True(replaced.ExitCode == 0, repository.LastOutput);
        Assert.Contains("Builder base python:3.11-bookworm from --builder-base-image replaces Dockerfile line 1's python:3.12-bookworm", repository.LastOutput);
    }

    [Fact]
    public async Task For_another_platform_an_official_name_is_that_platforms_stand_in()
    {
        using var repository = Repository(Seed001Offline);

        var result = await repository.RunAsync(["BuildAppImage", "--builder-dockerfile", "Dockerfile", "--app-dockerfile", "Dockerfile", "--platforms", "linux/arm64"]);

        Assert.True(result.ExitCode == 0, repository.LastOutput);
        Assert.Matches("linux/arm64: Dockerfile is sent with line 1's FROM python:3.11-bookworm naming slipway-base/python-builder:3.11-bookworm-arm64-", repository.LastOutput);
        Assert.Matches("linux/arm64: Dockerfile is sent with line 8's FROM python:3.11-slim-bookworm naming slipway-base/python-runtime:3.11-slim-bookworm-arm64-", repository.LastOutput);
    }

    [Fact]
    public async Task A_literal_base_that_exists_nowhere_is_one_error_line_within_seconds()
    {
        using var repository = Repository(Seed001Offline.Replace("FROM python:3.11-slim-bookworm AS runner", "FROM python:3.99-slim AS runner"));

        var clock = Stopwatch.StartNew();
        var result = await repository.RunAsync(["BuildAppImage", .. OneFile]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(TargetStatus.Failed, result["Restore"]!.Status);
        Assert.Contains("Dockerfile line 8: base image python:3.99-slim for linux/amd64 is not in the engine and none could be pulled", repository.LastOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
