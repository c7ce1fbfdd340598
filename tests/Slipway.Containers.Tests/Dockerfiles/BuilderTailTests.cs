using Slipway.Containers.Components;
using Slipway.Containers.Dockerfiles;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Builder and app in one Dockerfile: the builder stage's trailing instructions whose output no later stage
/// sees are left out of the builder image (and of what its dependency hash reads); anything that could be seen keeps all.</summary>
public sealed class BuilderTailTests
{
    /// <summary>A builder stage up to its install (offline: the manifest copied into the venv), five lines.</summary>
    internal const string Builder = """
        FROM python:3.11-bookworm AS builder
        RUN python3 -m venv /opt/venv
        WORKDIR /app
        COPY ./requirements.txt /app/requirements.txt
        RUN cp /app/requirements.txt /opt/venv/

        """;

    /// <summary>A runner that copies the venv from the builder and the code from the context.</summary>
    internal const string Runner = """

        FROM python:3.11-slim-bookworm AS runner
        WORKDIR /app
        COPY --from=builder /opt/venv /opt/venv
        COPY . /app
        CMD ["python3", "main.py"]
        """;

    [Fact]
    public void Seed_001s_code_copied_last_into_the_builder_is_left_out_when_the_runner_copies_only_the_venv()
    {
        var dockerfile = Dockerfile.Parse(RealDockerfiles.Seed001, "Dockerfile");

        var tail = dockerfile.UnseenTailOf("builder");

        Assert.Equal(["Dockerfile line 15: COPY . /app: no later stage copies /app from builder"], tail.LeftOut.Select(item => item.ToString()));
        Assert.Equal("Dockerfile line 11: RUN --mount=type=cache,target=/root/.cache/pip pip instal...: a RUN may use what the instructions before it wrote, so they stay",
            tail.KeptBecause);
        var trimmed = dockerfile.LeavingOut(tail);
        Assert.Equal("requirements.txt", string.Join(" ", trimmed.ReadsFromContext("builder").Sources));
        Assert.Equal(". requirements.txt", string.Join(" ", trimmed.ReadsFromContext().Sources)); // the runner still copies the code
        Assert.Equal(RealDockerfiles.Seed001.Split('\n').Length, trimmed.Text.Split('\n').Length);
        Assert.Equal("", trimmed.Text.Split('\n')[14]);
        Assert.Equal(dockerfile.FinalStage.Line, trimmed.FinalStage.Line);
    }

    [Theory]
    [InlineData("COPY --from=builder /app /app", "stage runner copies /app from builder")]
    [InlineData("COPY --from=builder /app/*.py /app/", "stage runner copies /app from builder")]
    [InlineData("COPY --from=0 /app/main.py /app/", "stage runner copies /app/main.py from builder")]
    [InlineData("COPY --from=builder / /", "stage runner copies / from builder")]
    [InlineData("RUN --mount=type=bind,from=builder,source=/app,target=/src cp -r /src /app", "stage runner copies /app from builder")]
    public void A_later_stage_that_copies_what_the_tail_writes_keeps_it(string copy, string why)
    {
        var tail = Dockerfile.Parse(Builder + "COPY . /app\n" + Runner + "\n" + copy + "\n", "Dockerfile").UnseenTailOf("builder");

        Assert.Empty(tail.LeftOut);
        Assert.Equal($"Dockerfile line 6: COPY . /app: {why}", tail.KeptBecause);
    }

    [Theory]
    [InlineData("COPY . /opt/venv/src")]
    [InlineData("COPY . /opt")]
    [InlineData("WORKDIR /opt/venv\nCOPY . .")]
    public void Code_copied_into_or_above_the_venv_the_runner_copies_is_kept(string copy)
    {
        var tail = Dockerfile.Parse(Builder + copy + "\n" + Runner, "Dockerfile").UnseenTailOf("builder");

        Assert.Empty(tail.LeftOut);
        Assert.Contains("stage runner copies /opt/venv from builder", tail.KeptBecause);
    }

    [Fact]
    public void A_run_after_the_code_copy_keeps_everything()
    {
        var tail = Dockerfile.Parse(Builder + "COPY . /app\nRUN pip install --no-deps /app\n" + Runner, "Dockerfile").UnseenTailOf("builder");

        Assert.Empty(tail.LeftOut);
        Assert.Equal("Dockerfile line 7: RUN pip install --no-deps /app: a RUN may use what the instructions before it wrote, so they stay", tail.KeptBecause);
    }

    [Fact]
    public void A_stage_built_from_the_builder_sees_all_of_it()
    {
        var tail = Dockerfile.Parse(Builder + "COPY . /app\n\nFROM builder AS test\nRUN python -m unittest\n" + Runner, "Dockerfile").UnseenTailOf("builder");

        Assert.Empty(tail.LeftOut);
        Assert.Equal("stage test is built FROM builder and sees all of it", tail.KeptBecause);
    }

    [Fact]
    public void Metadata_around_the_code_copy_goes_with_it_and_a_relative_destination_resolves_against_workdir()
    {
        var dockerfile = Dockerfile.Parse(Builder + "ENV APP_HOME=/srv\nWORKDIR $APP_HOME\nCOPY . .\nLABEL stage=builder\nCMD [\"bash\"]\n" + Runner, "Dockerfile");

        var tail = dockerfile.UnseenTailOf("builder");

        Assert.Equal(
            ["line 6: metadata only", "line 7: no later stage copies /srv from builder", "line 8: no later stage copies /srv from builder",
             "line 9: metadata only", "line 10: metadata only"],
            tail.LeftOut.Select(item => $"line {item.Instruction.Line}: {item.Why}"));
        Assert.Equal(["RUN", "WORKDIR", "COPY", "RUN"], dockerfile.LeavingOut(tail).Stages[0].Instructions.Select(instruction => instruction.Keyword));
    }

    [Theory]
    [InlineData("ENV DEBUG=1\nCMD [\"bash\"]\n")] // metadata only: nothing to gain
    [InlineData("COPY . $DESTINATION\n")] // a variable without a value: where it writes is unknown
    [InlineData("ADD https://example.com/tool.tar.gz /usr/local/\n")]
    [InlineData("COPY --from=python:3.12 /usr/local/bin/python3 /usr/local/bin/\n")]
    public void Nothing_is_left_out_without_a_code_copy_it_can_decide_on(string tail)
    {
        Assert.Empty(Dockerfile.Parse(Builder + tail + Runner, "Dockerfile").UnseenTailOf("builder").LeftOut);
    }

    [Fact]
    public void The_builders_ci_path_filters_leave_out_the_code_it_no_longer_reads()
    {
        var root = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-tail-").FullName);
        try
        {
            File.WriteAllText(root / "Dockerfile", RealDockerfiles.Seed001);

            var paths = BuilderImages.InputPaths(root, root, root / "Dockerfile", root / "Dockerfile", null, [], []);

            Assert.Equal(["Dockerfile", "requirements.txt"], paths);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_relative_destination_with_no_workdir_in_the_stage_is_kept()
    {
        var tail = Dockerfile.Parse("FROM python:3.12 AS builder\nRUN make\nCOPY . .\n" + Runner, "Dockerfile").UnseenTailOf("builder");

        Assert.Empty(tail.LeftOut);
        Assert.Contains("where it writes cannot be told", tail.KeptBecause);
    }
}
