namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Dockerfiles people have: the ones in the seed documents, uv's and Docker's documented ones, and this repository's.</summary>
internal static class RealDockerfiles
{
    public static string Text(string name) => name switch
    {
        "seed000" => Seed000,
        "seed001" => Seed001,
        "seed002-builder" => Seed002Builder,
        "seed002-app" => Seed002App,
        "uv-multistage" => UvMultistage,
        "uv-builder" => UvBuilder,
        "docker-hello" => DockerHello,
        "docker-stages" => DockerStages,
        "docker-image-copy" => DockerImageCopy,
        "repo-builder" => File.ReadAllText(Path.Combine(RepositoryRoot(), "docker", "builder.Dockerfile")),
        "repo-app" => File.ReadAllText(Path.Combine(RepositoryRoot(), "docker", "app.Dockerfile")),
        _ => throw new ArgumentException(name),
    };

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Slipway.slnx")))
                return folder.FullName;
        throw new InvalidOperationException("no Slipway.slnx above the test assembly");
    }

    // seed 000: one Dockerfile, stage builder compiles the venv, stage runner copies it and the app
    public const string Seed000 = """
        # STAGE 1: The "Workshop" (Builder)
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
        RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y

        RUN python -m venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY ./requirements.txt /app/requirements.txt
        RUN pip install --upgrade pip && \
            pip install -r /app/requirements.txt

        # STAGE 2: The "Showroom" (Runner)
        FROM python:3.12-slim-bookworm AS runner
        WORKDIR /app
        RUN useradd --create-home --shell /bin/bash appuser
        COPY --from=builder /opt/venv /opt/venv
        COPY --chown=appuser:appuser . /app
        USER appuser
        ENV PATH="/opt/venv/bin:$PATH"
        EXPOSE 8000
        CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
        """;

    // seed 001: the same split, ordered for the cache, with a pip cache mount and the code copied last in the builder too
    public const string Seed001 = """
        FROM python:3.12-bookworm AS builder
        RUN apt-get update && apt-get install -y \
            curl build-essential pkg-config libssl-dev libpq-dev \
            && rm -rf /var/lib/apt/lists/*
        RUN python -m venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        # --- 1: the manifest first ---
        COPY ./requirements.txt /app/requirements.txt
        # --- 2: BuildKit's pip cache ---
        RUN --mount=type=cache,target=/root/.cache/pip \
            pip install --upgrade pip && \
            pip install -r /app/requirements.txt
        # --- 3: the code last ---
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
        """;

    // seed 002: docker/dockerfile.dev, built with --target builder
    public const string Seed002Builder = """
        FROM python:3.11-bookworm AS builder
        RUN apt-get update && apt-get install -y --no-install-recommends \
            gcc g++ libc6-dev portaudio19-dev libasound2-dev \
            && rm -rf /var/lib/apt/lists/*
        ENV VIRTUAL_ENV=/opt/venv
        RUN python -m venv $VIRTUAL_ENV
        ENV PATH="$VIRTUAL_ENV/bin:$PATH"
        WORKDIR /app
        COPY requirements.txt ./
        COPY vendor/*.tar.gz ./vendor/
        RUN --mount=type=cache,target=/root/.cache/pip \
            pip install -r requirements.txt

        FROM builder AS check
        RUN python -c "import pyaudio"
        """;

    // seed 002: the root Dockerfile, FROM the builder image by an ARG
    public const string Seed002App = """
        ARG BUILDER_IMAGE=ghcr.io/your-username/bailing-builder:latest
        ARG RUNTIME_IMAGE=python:3.11-slim-bookworm

        FROM ${BUILDER_IMAGE} AS builder

        FROM ${RUNTIME_IMAGE}
        RUN apt-get update && apt-get install -y --no-install-recommends libportaudio2 libasound2 \
            && rm -rf /var/lib/apt/lists/* \
            && useradd --create-home appuser
        COPY --from=builder /opt/venv /opt/venv
        ENV PATH="/opt/venv/bin:$PATH"
        WORKDIR /app
        COPY main.py ./
        COPY bailing/ ./bailing/
        COPY config/ ./config/
        COPY plugins/ ./plugins/
        COPY server/ ./server/
        USER appuser
        CMD ["python", "main.py"]
        """;

    // astral-sh/uv-docker-example, multistage.Dockerfile (abridged comments)
    public const string UvMultistage = """
        # An example using multi-stage image builds to create a final image without uv.
        FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder
        ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
        ENV UV_PYTHON_DOWNLOADS=0

        WORKDIR /app
        RUN --mount=type=cache,target=/root/.cache/uv \
            --mount=type=bind,source=uv.lock,target=uv.lock \
            --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
            uv sync --frozen --no-install-project --no-dev
        ADD . /app
        RUN --mount=type=cache,target=/root/.cache/uv \
            uv sync --frozen --no-dev

        FROM python:3.12-bookworm-slim
        COPY --from=builder --chown=app:app /app /app
        ENV PATH="/app/.venv/bin:$PATH"
        CMD ["fastapi", "dev", "--host", "0.0.0.0", "/app/src/uv_docker_example"]
        """;

    // uv's documented dependencies-only builder (docs/guides/integration/docker.md, intermediate layers)
    public const string UvBuilder = """
        FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder
        ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
        WORKDIR /app
        RUN --mount=type=cache,target=/root/.cache/uv \
            --mount=type=bind,source=uv.lock,target=uv.lock \
            --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
            uv sync --locked --no-install-project --no-dev
        """;

    // docs.docker.com/build/building/multi-stage: a heredoc source, a named stage, COPY --from by name
    public const string DockerHello = """
        # syntax=docker/dockerfile:1
        FROM golang:1.24 AS build
        WORKDIR /src
        COPY <<EOF /src/main.go
        package main

        import "fmt"

        func main() {
          fmt.Println("hello, world")
        }
        EOF
        RUN go build -o /bin/hello ./main.go

        FROM scratch
        COPY --from=build /bin/hello /bin/hello
        CMD ["/bin/hello"]
        """;

    // docs.docker.com/build/building/multi-stage: "Use a previous stage as a new stage"
    public const string DockerStages = """
        # syntax=docker/dockerfile:1
        FROM alpine:latest AS builder
        RUN apk --no-cache add build-base

        FROM builder AS build1
        COPY source1.cpp source.cpp
        RUN g++ -o /binary source.cpp

        FROM builder AS build2
        COPY source2.cpp source.cpp
        RUN g++ -o /binary source.cpp
        """;

    // docs.docker.com/build/building/multi-stage: "Use an external image as a stage"
    public const string DockerImageCopy = """
        FROM alpine
        COPY --from=nginx:latest /etc/nginx/nginx.conf /nginx.conf
        COPY index.html /usr/share/nginx/html/
        """;
}
