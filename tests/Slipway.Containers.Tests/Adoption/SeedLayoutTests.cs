using Slipway.Execution;

namespace Slipway.Containers.Tests.Adoption;

/// <summary>Repositories shaped like the seeds, not like the sample: Slipway takes the build arguments, the builder's
/// inputs and the context from what their Dockerfiles read, with zero edits to their files.</summary>
[Collection("engine")]
public sealed class SeedLayoutTests
{
    private static readonly string[] Seed002 = ["--builder-dockerfile", "docker/dockerfile.dev", "--app-dockerfile", "Dockerfile"];

    /// <summary>Seed 002: a builder Dockerfile under docker/, a root Dockerfile with its own ARG names, no .dockerignore,
    /// and Slipway's own state and build outputs lying in the context.</summary>
    private static Dictionary<string, string> Seed002Files() => new()
    {
        ["docker/dockerfile.dev"] = """
            ARG PYTHON_BASE=python:3.11-bookworm
            FROM ${PYTHON_BASE} AS builder
            RUN python3 -m venv /opt/venv
            WORKDIR /src
            COPY requirements.txt ./
            COPY vendor/ ./vendor/
            RUN cp requirements.txt /opt/venv/requirements.txt && ls vendor > /opt/venv/vendored.txt
            """,
        ["Dockerfile"] = """
            ARG BUILDER_IMAGE=ghcr.io/acme/bailing-builder:latest
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_IMAGE} AS builder
            FROM ${RUNTIME_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            WORKDIR /app
            COPY main.py ./
            COPY bailing/ ./bailing/
            CMD ["/opt/venv/bin/python", "main.py"]
            """,
        ["requirements.txt"] = "pyaudio==0.2.14\n",
        ["vendor/pyaudio-0.2.14.txt"] = "a vendored sdist stands here\n",
        ["main.py"] = "print('bailing')\n",
        ["bailing/__init__.py"] = "",
        ["build/bin/Debug/_build.dll"] = new string('x', 200_000),
        ["build/obj/project.assets.json"] = "{}",
        [".nuke/temp/build.log"] = "an earlier run\n",
    };

    [Fact]
    public async Task Seed_002_builds_with_its_own_arg_names_and_is_up_to_date_the_second_time()
    {
        using var repository = new FixtureRepository(Seed002Files());

        var first = await repository.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(first.ExitCode == 0, repository.LastOutput);
        Assert.Contains("requirements.txt, vendor/pyaudio-0.2.14.txt", repository.LastOutput); // the builder's inputs, by name

        var again = await repository.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(again.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, again["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.UpToDate, again["BuildAppImage"]!.Status);

        repository.Append("main.py", "print('edited')\n");
        var codeEdit = await repository.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(codeEdit.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, codeEdit["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, codeEdit["BuildAppImage"]!.Status);
        Assert.Matches("BuildAppImage runs: inputs changed since the previous run: [^\n]*main\\.py", repository.LastOutput);

        repository.Append("requirements.txt", "numpy==2.0.0\n");
        var manifestEdit = await repository.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(manifestEdit.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, manifestEdit["BuildBuilderImage"]!.Status);
        Assert.Contains("BuildBuilderImage runs: inputs changed since the previous run: requirements.txt", repository.LastOutput);

        repository.Append("vendor/pyaudio-0.2.14.txt", "patched\n"); // a file the builder copies that no parameter names
        var vendorEdit = await repository.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(vendorEdit.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.Succeeded, vendorEdit["BuildBuilderImage"]!.Status);
        Assert.Contains("inputs changed since the previous run: vendor/pyaudio-0.2.14.txt", repository.LastOutput);
    }

    [Fact]
    public async Task A_builder_that_bind_mounts_uv_lock_and_pyproject_is_rebuilt_when_either_changes()
    {
        using var repository = new FixtureRepository(new Dictionary<string, string>
        {
            ["docker/dockerfile.dev"] = """
                ARG BASE=python:3.11-bookworm
                FROM ${BASE} AS builder
                RUN --mount=type=bind,source=uv.lock,target=/src/uv.lock \
                    --mount=type=bind,source=pyproject.toml,target=/src/pyproject.toml \
                    python3 -m venv /opt/venv && cat /src/uv.lock /src/pyproject.toml > /opt/venv/locked.txt
                """,
            ["Dockerfile"] = """
                ARG BUILDER_IMAGE
                ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
                FROM ${BUILDER_IMAGE} AS builder
                FROM ${RUNTIME_IMAGE}
                COPY --from=builder /opt/venv /opt/venv
                COPY main.py /app/
                """,
            ["uv.lock"] = "version = 1\n",
            ["pyproject.toml"] = "[project]\nname = \"svc\"\n",
            ["main.py"] = "print('svc')\n",
        });

        Assert.True((await repository.RunAsync(["BuildAppImage", .. Seed002])).ExitCode == 0, repository.LastOutput);
        foreach (var file in new[] { "uv.lock", "pyproject.toml" })
        {
            repository.Append(file, "# edited\n");
            var edited = await repository.RunAsync(["BuildAppImage", .. Seed002]);
            Assert.True(edited.ExitCode == 0, repository.LastOutput);
            Assert.Equal(TargetStatus.Succeeded, edited["BuildBuilderImage"]!.Status);
            Assert.Contains($"inputs changed since the previous run: {file}", repository.LastOutput);
        }
    }

    [Fact]
    public async Task One_Dockerfile_with_a_builder_stage_builds_the_app_from_the_builder_image_of_its_hash()
    {
        using var repository = new FixtureRepository(new Dictionary<string, string>
        {
            ["Dockerfile"] = """
                ARG BASE=python:3.11-bookworm
                ARG RUNTIME=python:3.11-slim-bookworm
                FROM ${BASE} AS builder
                RUN python3 -m venv /opt/venv
                COPY requirements.txt /tmp/
                RUN cp /tmp/requirements.txt /opt/venv/
                FROM ${RUNTIME}
                COPY --from=builder /opt/venv /opt/venv
                COPY main.py /app/
                """,
            ["requirements.txt"] = "requests\n",
            ["main.py"] = "print('one file')\n",
        });
        string[] oneFile = ["--builder-dockerfile", "Dockerfile", "--app-dockerfile", "Dockerfile"];

        var first = await repository.RunAsync(["BuildAppImage", .. oneFile]);
        Assert.True(first.ExitCode == 0, repository.LastOutput);
        Assert.Matches($"Dockerfile is sent with its stage builder replaced by FROM {repository.ImageName}-builder:deps-[0-9a-f]{{12}}", repository.LastOutput);
        Assert.Equal(File.ReadAllText(repository.Root / "Dockerfile"), File.ReadAllText(repository.Root / "Dockerfile")); // never rewritten on disk

        repository.Append("main.py", "print('edited')\n");
        var codeEdit = await repository.RunAsync(["BuildAppImage", .. oneFile]);
        Assert.True(codeEdit.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, codeEdit["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, codeEdit["BuildAppImage"]!.Status);
    }

    [Fact]
    public async Task A_manifest_excluded_by_dockerignore_is_one_error_line_and_a_literal_runtime_FROM_builds()
    {
        var files = Seed002Files();
        files[".dockerignore"] = "requirements.txt\n";
        using (var ignored = new FixtureRepository(files))
        {
            var result = await ignored.RunAsync(["BuildAppImage", .. Seed002]);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("docker/dockerfile.dev line 5: COPY requirements.txt is excluded by .dockerignore", ignored.LastOutput);
            Assert.Equal(TargetStatus.Failed, result["Restore"]!.Status);
        }

        files = Seed002Files();
        files["Dockerfile"] = files["Dockerfile"].Replace("FROM ${RUNTIME_IMAGE}", "FROM python:3.11-slim-bookworm");
        using var literal = new FixtureRepository(files);
        var noArgument = await literal.RunAsync(["BuildAppImage", .. Seed002]);
        Assert.True(noArgument.ExitCode == 0, literal.LastOutput);
        Assert.Matches("Dockerfile is sent with line 4's FROM python:3.11-slim-bookworm naming slipway-base/python-runtime:", literal.LastOutput);
    }
}
