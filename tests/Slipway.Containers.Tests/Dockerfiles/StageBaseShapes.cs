namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Multi-stage Dockerfiles whose bases are named in the ways repositories name them (beside the seeds in
/// <see cref="RealDockerfiles"/>): by ARGs of any name, literally with an ARG inside, through a shared stage, with a
/// <c>--platform</c> flag, and uv's bind-mounted lock file.</summary>
internal static class StageBaseShapes
{
    public const string BuilderAndRunnerArgs = """
        ARG BUILDER_BASE=python:3.12-bookworm
        ARG RUNNER_BASE=python:3.12-slim-bookworm
        FROM ${BUILDER_BASE} AS builder
        RUN python -m venv /opt/venv
        COPY requirements.txt /tmp/
        RUN cp /tmp/requirements.txt /opt/venv/
        FROM ${RUNNER_BASE} AS runner
        COPY --from=builder /opt/venv /opt/venv
        COPY main.py /app/
        """;

    public const string PythonVersionArg = """
        ARG PYTHON_VERSION=3.12
        FROM python:${PYTHON_VERSION} AS builder
        RUN python -m venv /opt/venv
        FROM python:${PYTHON_VERSION}-slim
        COPY --from=builder /opt/venv /opt/venv
        COPY . /app
        """;

    public const string SharedBase = """
        FROM python:3.12-slim AS base
        ENV PYTHONDONTWRITEBYTECODE=1
        FROM base AS builder
        RUN python -m venv /opt/venv
        COPY requirements.txt /tmp/
        FROM base AS runtime
        COPY --from=builder /opt/venv /opt/venv
        COPY . /app
        """;

    public const string BuildPlatformStage = """
        FROM --platform=$BUILDPLATFORM python:3.11-bookworm AS builder
        RUN python -m venv /opt/venv
        COPY requirements.txt /tmp/
        FROM --platform=$TARGETPLATFORM python:3.11-slim-bookworm AS runtime
        COPY --from=builder /opt/venv /opt/venv
        COPY . /app
        """;

    public const string UvBindMount = """
        FROM python:3.12-bookworm AS builder
        WORKDIR /app
        RUN --mount=type=bind,source=uv.lock,target=uv.lock \
            --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
            python -m venv /app/.venv
        FROM python:3.12-slim-bookworm
        COPY --from=builder /app/.venv /app/.venv
        COPY . /app
        """;
}
