using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Adoption;

/// <summary>One service layout of the adoption suite: the files it writes (an offline-buildable service with a C
/// extension, copied from this repository's app/native), the file a code edit touches and the manifest an edit of
/// the dependencies touches.</summary>
public sealed record AdoptionLayout(string Name, Action<TempRepository> Write, string CodeFile, string ManifestFile)
{
    public override string ToString() => Name;

    /// <summary>Builder steps shared by the layouts: compilers only where the stand-in base lacks them, the venv, and
    /// the local C extension installed without an index (the machine has no network).</summary>
    public const string BuilderSteps = """
        RUN if ! dpkg -s build-essential portaudio19-dev >/dev/null 2>&1; then \
              apt-get update && apt-get install -y --no-install-recommends build-essential portaudio19-dev \
              && rm -rf /var/lib/apt/lists/*; \
            fi
        ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PIP_DISABLE_PIP_VERSION_CHECK=1
        RUN python3 -m venv /opt/venv \
            && if ls /usr/share/python-wheels/wheel-*.whl >/dev/null 2>&1; \
               then pip install --no-index /usr/share/python-wheels/wheel-*.whl; else pip install wheel; fi
        """;

    /// <summary>Runtime steps: the PortAudio library only, and a non-root user.</summary>
    public const string RuntimeSteps = """
        RUN if ! dpkg -s libportaudio2 >/dev/null 2>&1; then \
              apt-get update && apt-get install -y --no-install-recommends libportaudio2 && rm -rf /var/lib/apt/lists/*; \
            fi \
            && groupadd --gid 10001 appuser \
            && useradd --uid 10001 --gid appuser --no-create-home --shell /usr/sbin/nologin appuser
        """;

    public static IEnumerable<object[]> All() =>
        new[] { Seed002(), BuilderStage(), RequirementsOnly() }.Select(layout => new object[] { layout });

    /// <summary>Seed 002: docker/dockerfile.dev + Dockerfile with BUILDER_IMAGE and a differently named runtime base
    /// ARG (RUNTIME_IMAGE), pyproject.toml + uv.lock + requirements.txt, no .dockerignore.</summary>
    public static AdoptionLayout Seed002() => new("seed-002", repository =>
    {
        WriteService(repository, "");
        repository.Write("pyproject.toml", "[project]\nname = \"bailing\"\nversion = \"0.1.0\"\n");
        repository.Write("uv.lock", "version = 1\n");
        repository.Write("docker/dockerfile.dev", $"""
            ARG PYTHON_IMAGE=python:3.11-bookworm
            FROM ${"{"}PYTHON_IMAGE{"}"} AS builder
            {BuilderSteps}
            WORKDIR /src
            COPY pyproject.toml uv.lock requirements.txt ./
            COPY native/ ./native/
            RUN pip install --no-build-isolation -r requirements.txt

            """);
        repository.Write("Dockerfile", $"""
            ARG BUILDER_IMAGE=ghcr.io/acme/bailing-builder:latest
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${"{"}BUILDER_IMAGE{"}"} AS builder

            FROM ${"{"}RUNTIME_IMAGE{"}"}
            {RuntimeSteps}
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH=/opt/venv/bin:$PATH
            WORKDIR /app
            COPY --chown=appuser:appuser main.py ./
            COPY --chown=appuser:appuser bailing/ ./bailing/
            USER appuser
            CMD ["python", "main.py"]

            """);
    }, "bailing/server.py", "requirements.txt");

    /// <summary>Seeds 000/001: one Dockerfile, a builder stage and <c>COPY --from=builder</c>; the bases come from
    /// ARGs, as Slipway's build-argument contract asks (a literal FROM is one error line naming it).</summary>
    public static AdoptionLayout BuilderStage() => new("builder-stage", repository =>
    {
        WriteService(repository, "");
        repository.Write("Dockerfile", $"""
            ARG PYTHON_IMAGE=python:3.11-bookworm
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${"{"}PYTHON_IMAGE{"}"} AS builder
            {BuilderSteps}
            WORKDIR /src
            COPY requirements.txt ./
            COPY native/ ./native/
            RUN pip install --no-build-isolation -r requirements.txt

            FROM ${"{"}RUNTIME_IMAGE{"}"} AS runner
            {RuntimeSteps}
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH=/opt/venv/bin:$PATH
            WORKDIR /app
            COPY --chown=appuser:appuser main.py ./
            COPY --chown=appuser:appuser bailing/ ./bailing/
            USER appuser
            CMD ["python", "main.py"]

            """);
    }, "bailing/server.py", "requirements.txt");

    /// <summary>requirements.txt only, a C extension, a .dockerignore, and builder.Dockerfile + app.Dockerfile.</summary>
    public static AdoptionLayout RequirementsOnly() => new("requirements-only", repository =>
    {
        WriteService(repository, "service/");
        repository.Write(".dockerignore", ".git\n**/__pycache__\n**/*.pyc\n.venv\nbuild/\n.nuke/\n");
        repository.Write("docker/builder.Dockerfile", $"""
            ARG BASE_IMAGE=python:3.11-bookworm
            FROM ${"{"}BASE_IMAGE{"}"} AS builder
            {BuilderSteps}
            WORKDIR /src
            COPY service/requirements.txt ./
            COPY service/native/ ./native/
            RUN pip install --no-build-isolation -r requirements.txt

            """);
        repository.Write("docker/app.Dockerfile", $"""
            ARG BUILDER_IMAGE
            ARG BASE_IMAGE=python:3.11-slim-bookworm
            FROM ${"{"}BUILDER_IMAGE{"}"} AS builder

            FROM ${"{"}BASE_IMAGE{"}"} AS app
            {RuntimeSteps}
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH=/opt/venv/bin:$PATH
            WORKDIR /app
            COPY --chown=appuser:appuser service/main.py ./
            COPY --chown=appuser:appuser service/bailing/ ./bailing/
            USER appuser
            CMD ["python", "main.py"]

            """);
    }, "service/bailing/server.py", "service/requirements.txt");

    /// <summary>The service below <paramref name="folder"/>: main.py, a package, requirements.txt naming the local
    /// C extension (./native, this repository's app/native).</summary>
    private static void WriteService(TempRepository repository, string folder)
    {
        repository.Write(folder + "requirements.txt", "./native\n");
        repository.Write(folder + "main.py", "from bailing import server\nserver.main()\n");
        repository.Write(folder + "bailing/__init__.py", "");
        repository.Write(folder + "bailing/server.py", "import voice_native\n\ndef main():\n    print(voice_native.portaudio_version())\n");
        var native = Path.Combine(SourceRepository.Root, "app", "native");
        foreach (var file in Directory.EnumerateFiles(native))
            repository.Write(folder + "native/" + Path.GetFileName(file), File.ReadAllText(file));
    }
}
