namespace Slipway.Tool.Tests.Support;

/// <summary>Repositories shaped like the ones users have (shared/seeds): each writes its files into a temp repository.</summary>
public static class SeedLayouts
{
    /// <summary>Seed 002: docker/dockerfile.dev builds the builder (target builder); the root Dockerfile takes it as
    /// BUILDER_IMAGE and its runtime base as RUNTIME_IMAGE; pyproject.toml and uv.lock; no .dockerignore.</summary>
    public static void Seed002(TempRepository repository)
    {
        repository.Write("docker/dockerfile.dev", """
            # Builder image: compilers and headers for pyaudio, the venv prebuilt at /opt/venv.
            ARG PYTHON_IMAGE=python:3.11-bookworm
            FROM ${PYTHON_IMAGE} AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends \
                  gcc g++ libc6-dev portaudio19-dev libasound2-dev \
                && rm -rf /var/lib/apt/lists/*
            ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
            RUN python -m venv /opt/venv && pip install uv
            WORKDIR /src
            COPY pyproject.toml uv.lock ./
            RUN uv pip install -r pyproject.toml

            """);
        repository.Write("Dockerfile", """
            ARG BUILDER_IMAGE=ghcr.io/acme/bailing-builder:latest
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_IMAGE} AS builder

            FROM ${RUNTIME_IMAGE}
            RUN apt-get update && apt-get install -y --no-install-recommends libportaudio2 libasound2 \
                && rm -rf /var/lib/apt/lists/* \
                && useradd --create-home appuser
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH=/opt/venv/bin:$PATH
            WORKDIR /app
            COPY --chown=appuser main.py ./
            COPY --chown=appuser bailing/ ./bailing/
            COPY --chown=appuser config/ ./config/
            USER appuser
            CMD ["python", "main.py"]

            """);
        repository.Write("pyproject.toml", "[project]\nname = \"bailing\"\nversion = \"0.1.0\"\ndependencies = [\"pyaudio==0.2.14\"]\n");
        repository.Write("uv.lock", "version = 1\n");
        repository.Write("main.py", "from bailing import server\nserver.main()\n");
        repository.Write("bailing/__init__.py", "");
        repository.Write("bailing/server.py", "def main():\n    print('listening')\n");
        repository.Write("config/config.yaml", "port: 8000\n");
    }

    /// <summary>Seed 000: one Dockerfile, stage builder (compilers, Rust, venv) and stage runner copying the venv;
    /// requirements.txt; docker-compose.yml.</summary>
    public static void Seed000(TempRepository repository)
    {
        repository.Write("Dockerfile", """
            FROM python:3.12-bookworm AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends \
                    build-essential pkg-config libssl-dev libpq-dev curl \
                && rm -rf /var/lib/apt/lists/*
            RUN curl https://sh.rustup.rs -sSf | sh -s -- -y
            ENV PATH="/root/.cargo/bin:${PATH}"
            RUN python -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt

            FROM python:3.12-slim-bookworm AS runner
            RUN useradd --create-home appuser
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            WORKDIR /app
            COPY --chown=appuser:appuser . .
            USER appuser
            EXPOSE 8000
            CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]

            """);
        repository.Write("docker-compose.yml", "services:\n  backend:\n    build: .\n    platform: linux/arm64\n");
        repository.Write("requirements.txt", "fastapi\nuvicorn\npsycopg2==2.9.9\ncryptography\n");
        repository.Write("main.py", "from fastapi import FastAPI\napp = FastAPI()\n");
    }

    /// <summary>Seed 001: one Dockerfile with a pip cache mount and <c>COPY . .</c>, its own .dockerignore, and a
    /// requirements-dev.txt beside requirements.txt.</summary>
    public static void Seed001(TempRepository repository)
    {
        repository.Write("Dockerfile", """
            # syntax=docker/dockerfile:1
            FROM python:3.12-bookworm AS builder
            WORKDIR /app
            RUN python -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            COPY requirements.txt .
            RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt

            FROM python:3.12-slim-bookworm
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            WORKDIR /app
            COPY . .
            CMD ["python", "app.py"]

            """);
        repository.Write(".dockerignore", ".git\n__pycache__\n*.pyc\n.venv\n.idea\n.vscode\nDockerfile\n.pytest_cache\nbuild/\ndist/\n*.egg-info\n");
        repository.Write("requirements.txt", "numpy\n");
        repository.Write("requirements-dev.txt", "pytest\n");
        repository.Write("app.py", "print('hello')\n");
    }

    /// <summary>Two <c>*.Dockerfile</c>s as in this repository's sample: docker/builder.Dockerfile and
    /// docker/app.Dockerfile (with a test stage), app/requirements.txt.</summary>
    public static void StarDockerfiles(TempRepository repository)
    {
        repository.Write("docker/builder.Dockerfile", """
            ARG BASE_IMAGE=python:3.11-bookworm
            FROM ${BASE_IMAGE} AS builder
            ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH
            RUN python3 -m venv /opt/venv
            COPY app/requirements.txt ./
            RUN pip install -r requirements.txt

            """);
        repository.Write("docker/app.Dockerfile", """
            ARG BUILDER_IMAGE
            ARG BASE_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_IMAGE} AS builder

            FROM builder AS test
            COPY app/ ./
            CMD ["python", "-m", "unittest"]

            FROM ${BASE_IMAGE} AS app
            COPY --from=builder /opt/venv /opt/venv
            COPY app/voice/ ./voice/
            CMD ["python", "-m", "voice"]

            """);
        repository.Write("app/requirements.txt", "pyaudio\n");
        repository.Write("app/voice/__main__.py", "print('voice')\n");
    }
}
