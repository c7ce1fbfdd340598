using Slipway.Tool.Detection;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Shapes;

/// <summary>The seeds' Dockerfiles as written (shared/seeds), with only the steps that download from the internet
/// (rustup's curl, pip from PyPI) replaced by offline ones; apt-get stays, Debian's archive is reachable.</summary>
internal static class SeedShapes
{
    private static readonly string[] PythonMain = ["python", "main.py"];

    /// <summary>Seed 000: one Dockerfile, builder stage with compilers, Rust and the venv, runner copying it.</summary>
    public static DockerfileShape Seed000() => new("seed-000", repository =>
    {
        repository.Write("Dockerfile", """
            FROM python:3.12-bookworm AS builder
            RUN apt-get update && apt-get install -y \
                curl \
                build-essential \
                pkg-config \
                libssl-dev \
                libpq-dev \
                && rm -rf /var/lib/apt/lists/*
            ENV RUSTUP_HOME=/usr/local/rustup \
                CARGO_HOME=/usr/local/cargo \
                PATH=/usr/local/cargo/bin:$PATH
            # offline in place of: RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
            RUN mkdir -p "$RUSTUP_HOME" "$CARGO_HOME/bin"
            RUN python -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            WORKDIR /app
            COPY ./requirements.txt /app/requirements.txt
            # offline in place of: pip install --upgrade pip && pip install -r /app/requirements.txt
            RUN pip install --no-index -r /app/requirements.txt

            FROM python:3.12-slim-bookworm AS runner
            WORKDIR /app
            RUN useradd --create-home --shell /bin/bash appuser
            COPY --from=builder /opt/venv /opt/venv
            COPY --chown=appuser:appuser . /app
            USER appuser
            ENV PATH="/opt/venv/bin:$PATH"
            EXPOSE 8000
            CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]

            """);
        DockerfileShape.WriteRequirements(repository, "requirements.txt");
        DockerfileShape.WriteMain(repository, "main.py");
    }, LayoutKind.BuilderStage, "Dockerfile", "Dockerfile", ".", "main.py", "requirements.txt", PythonMain);

    /// <summary>Seed 001's final Dockerfile: pip cache mount, sources copied last (into the builder too, where no later
    /// stage sees them: left out of the builder image), its own .dockerignore.</summary>
    public static DockerfileShape Seed001() => new("seed-001", repository =>
    {
        repository.Write("Dockerfile", """
            FROM python:3.12-bookworm AS builder

            RUN apt-get update && apt-get install -y \
                curl \
                build-essential \
                pkg-config \
                libssl-dev \
                libpq-dev \
                && rm -rf /var/lib/apt/lists/*

            ENV RUSTUP_HOME=/usr/local/rustup \
                CARGO_HOME=/usr/local/cargo \
                PATH=/usr/local/cargo/bin:$PATH
            # offline in place of: RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
            RUN mkdir -p "$RUSTUP_HOME" "$CARGO_HOME/bin"

            RUN python -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"

            WORKDIR /app

            COPY ./requirements.txt /app/requirements.txt

            # offline in place of: pip install --upgrade pip && pip install -r /app/requirements.txt
            RUN --mount=type=cache,target=/root/.cache/pip \
                pip install --no-index -r /app/requirements.txt

            COPY . /app

            FROM python:3.12-slim-bookworm AS runner

            WORKDIR /app

            RUN useradd --create-home --shell /bin/bash appuser

            COPY --from=builder /opt/venv /opt/venv
            COPY --chown=appuser:appuser . /app

            USER appuser
            ENV PATH="/opt/venv/bin:$PATH"

            EXPOSE 8000
            CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]

            """);
        repository.Write(".dockerignore", ".git\n__pycache__\n*.pyc\n.venv\n.idea\n.vscode\nDockerfile\n.pytest_cache\nbuild/\ndist/\n*.egg-info\n");
        DockerfileShape.WriteRequirements(repository, "requirements.txt");
        DockerfileShape.WriteMain(repository, "main.py");
    }, LayoutKind.BuilderStage, "Dockerfile", "Dockerfile", ".", "main.py", "requirements.txt", PythonMain);

    /// <summary>Seed 002: docker/dockerfile.dev builds the builder, the root Dockerfile takes it as BUILDER_IMAGE.</summary>
    public static DockerfileShape Seed002() => new("seed-002", repository =>
    {
        repository.Write("docker/dockerfile.dev", """
            FROM python:3.11-bookworm AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends \
                  gcc g++ libc6-dev portaudio19-dev libasound2-dev \
                && rm -rf /var/lib/apt/lists/*
            ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
            RUN python -m venv /opt/venv
            WORKDIR /src
            COPY pyproject.toml uv.lock ./
            # offline in place of: pip install uv && uv pip install -r pyproject.toml
            RUN python -c "import tomllib; tomllib.load(open('uv.lock', 'rb')); print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/dependencies.txt \
                && pip install --no-index -r /tmp/dependencies.txt

            """);
        repository.Write("Dockerfile", """
            ARG BUILDER_IMAGE=ghcr.io/acme/bailing-builder:latest
            FROM ${BUILDER_IMAGE} AS builder

            FROM python:3.11-slim-bookworm
            # the runtime stand-in has the libraries but no apt-get: install only where they are missing
            RUN if ! dpkg -s libportaudio2 libasound2 >/dev/null 2>&1; then \
                  apt-get update && apt-get install -y --no-install-recommends libportaudio2 libasound2 \
                  && rm -rf /var/lib/apt/lists/*; \
                fi \
                && useradd --create-home appuser
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH=/opt/venv/bin:$PATH
            WORKDIR /app
            COPY --chown=appuser main.py ./
            COPY --chown=appuser bailing/ ./bailing/
            USER appuser
            CMD ["python", "main.py"]

            """);
        repository.Write("pyproject.toml", "[project]\nname = \"bailing\"\nversion = \"0.1.0\"\ndependencies = []\n");
        repository.Write("uv.lock", "version = 1\n");
        DockerfileShape.WriteMain(repository, "main.py");
        repository.Write("bailing/__init__.py", "");
        repository.Write("bailing/server.py", "def main():\n    pass\n");
    }, LayoutKind.BuilderAndAppDockerfiles, "docker/dockerfile.dev", "Dockerfile", ".", "bailing/server.py", "uv.lock", PythonMain);

    /// <summary>Seed 000's Compose layout: backend/ built for linux/arm64 beside postgres and redis (images only). The
    /// builder stage has no compile step: under QEMU an apt-get of compilers takes minutes, and the arm64 part of the
    /// table is about the Compose file, not the compilers (seed 000 above builds those for the host).</summary>
    public static DockerfileShape Seed000Compose() => new("seed-000-compose", repository =>
    {
        repository.Write("docker-compose.yml", ComposeText);
        repository.Write("backend/Dockerfile", """
            FROM python:3.12-bookworm AS builder
            RUN python -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            WORKDIR /app
            COPY ./requirements.txt /app/requirements.txt
            RUN pip install --no-index -r /app/requirements.txt

            FROM python:3.12-slim-bookworm AS runner
            WORKDIR /app
            RUN useradd --create-home --shell /bin/bash appuser
            COPY --from=builder /opt/venv /opt/venv
            COPY --chown=appuser:appuser . /app
            USER appuser
            ENV PATH="/opt/venv/bin:$PATH"
            EXPOSE 8000
            CMD ["python", "main.py"]

            """);
        DockerfileShape.WriteRequirements(repository, "backend/requirements.txt");
        DockerfileShape.WriteMain(repository, "backend/main.py");
    }, LayoutKind.BuilderStage, "backend/Dockerfile", "backend/Dockerfile", "backend", "backend/main.py", "backend/requirements.txt", PythonMain, "linux/arm64");

    /// <summary>Seed 000's docker-compose.yml, with the postgres and redis services it names.</summary>
    public const string ComposeText = """
        version: '3.8'

        services:
          backend:
            build:
              # `context` points at the folder with the Dockerfile and the sources.
              context: ./backend
              # `dockerfile` names the Dockerfile explicitly.
              dockerfile: Dockerfile
            platform: linux/arm64
            ports:
              - "8000:8000"
            depends_on: [postgres, redis]
          postgres:
            image: postgres:15-bookworm
            environment:
              POSTGRES_PASSWORD: example
          redis:
            image: redis:7-bookworm

        """;
}
