using Slipway.Tool.Detection;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Shapes;

/// <summary>The shapes other repositories have: bases from differently named ARGs, a version ARG inside a literal
/// base, a shared base stage, a build stage for the build platform, uv's builder pattern, the whole context copied
/// into the runtime stage. Each is one Dockerfile, told apart by structure alone.</summary>
internal static class StructureShapes
{
    private static readonly string[] PythonMain = ["python", "/app/main.py"];

    /// <summary>The builder stage's usual steps: a venv and the requirements, installed offline.</summary>
    private const string BuilderSteps = """
        RUN python -m venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        COPY requirements.txt /tmp/requirements.txt
        RUN pip install --no-index -r /tmp/requirements.txt
        """;

    private const string RuntimeSteps = """
        COPY --from=builder /opt/venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY main.py ./
        CMD ["python", "main.py"]
        """;

    public static DockerfileShape BuilderAndRunnerBaseArgs() => Shape("builder-base-args", $"""
        ARG BUILDER_BASE=python:3.12-bookworm
        ARG RUNNER_BASE=python:3.12-slim-bookworm
        FROM ${"{"}BUILDER_BASE{"}"} AS builder
        {BuilderSteps}

        FROM ${"{"}RUNNER_BASE{"}"} AS runner
        {RuntimeSteps}

        """);

    public static DockerfileShape PythonVersionArg() => Shape("python-version-arg", $"""
        ARG PYTHON_VERSION=3.12
        FROM python:${"{"}PYTHON_VERSION{"}"}-bookworm AS builder
        {BuilderSteps}

        FROM python:${"{"}PYTHON_VERSION{"}"}-slim
        {RuntimeSteps}

        """);

    /// <summary>A shared base stage; its venv is made without pip, as the slim base needs no pip to install nothing.</summary>
    public static DockerfileShape SharedBaseStage() => Shape("shared-base", """
        FROM python:3.12-slim AS base
        ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1

        FROM base AS builder
        COPY requirements.txt /tmp/requirements.txt
        RUN python -m venv --without-pip /opt/venv \
            && if grep -qv '^#' /tmp/requirements.txt; then echo "requirements need pip" >&2; exit 1; fi

        FROM base AS runtime
        COPY --from=builder /opt/venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY main.py ./
        CMD ["python", "main.py"]

        """);

    public static DockerfileShape BuildPlatformStage() => Shape("build-platform", $"""
        FROM --platform=$BUILDPLATFORM python:3.12-bookworm AS build
        {BuilderSteps}

        FROM python:3.12-slim-bookworm
        COPY --from=build /opt/venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY main.py ./
        CMD ["python", "main.py"]

        """);

    /// <summary>uv's documented builder (dependencies from bind-mounted uv.lock and pyproject.toml, a cache mount);
    /// uv itself cannot be installed offline, so the step runs pip with the same mounts.</summary>
    public static DockerfileShape UvBuilderPattern() => new("uv-builder", repository =>
    {
        repository.Write("Dockerfile", """
            FROM python:3.12-bookworm AS builder
            WORKDIR /app
            RUN python -m venv /app/.venv
            # offline in place of: uv sync --locked --no-install-project
            RUN --mount=type=cache,target=/root/.cache/pip \
                --mount=type=bind,source=uv.lock,target=uv.lock \
                --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
                python -c "import tomllib; tomllib.load(open('uv.lock', 'rb')); print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/dependencies.txt \
                && /app/.venv/bin/pip install --no-index -r /tmp/dependencies.txt

            FROM python:3.12-slim-bookworm
            COPY --from=builder /app/.venv /app/.venv
            ENV PATH="/app/.venv/bin:$PATH"
            WORKDIR /app
            COPY main.py ./
            CMD ["python", "main.py"]

            """);
        repository.Write("pyproject.toml", "[project]\nname = \"service\"\nversion = \"0.1.0\"\ndependencies = []\n");
        repository.Write("uv.lock", "version = 1\nrequires-python = \">=3.11\"\n");
        DockerfileShape.WriteMain(repository, "main.py");
    }, LayoutKind.BuilderStage, "Dockerfile", "Dockerfile", ".", "main.py", "uv.lock", PythonMain);

    public static DockerfileShape CopyEverythingIntoRuntime() => Shape("copy-all-runtime", $"""
        FROM python:3.12-bookworm AS builder
        {BuilderSteps}

        FROM python:3.12-slim-bookworm
        COPY --from=builder /opt/venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        COPY . /app
        WORKDIR /app
        CMD ["python", "main.py"]

        """);

    /// <summary>One Dockerfile at the root with requirements.txt and main.py.</summary>
    private static DockerfileShape Shape(string name, string dockerfile) => new(name, repository =>
    {
        repository.Write("Dockerfile", dockerfile);
        DockerfileShape.WriteRequirements(repository, "requirements.txt");
        DockerfileShape.WriteMain(repository, "main.py");
    }, LayoutKind.BuilderStage, "Dockerfile", "Dockerfile", ".", "main.py", "requirements.txt", PythonMain);
}
