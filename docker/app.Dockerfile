# App image: the slim runtime base, the venv prebuilt in the builder image, the service code last.
#   docker build -f docker/app.Dockerfile --build-arg BUILDER_IMAGE=voice-builder:deps-<hash> [--platform linux/arm64] \
#     [--build-arg BASE_IMAGE=slipway-base/python-runtime:...] -t voice:<tag> .
# Unit tests: stage `test` is that exact builder image plus the service code and its tests.
#   docker build -f docker/app.Dockerfile --target test --build-arg BUILDER_IMAGE=... -t voice-test .
#   docker run --rm --network none voice-test
# Required (no default: never a floating latest). Unset, the build stops with "base name (${BUILDER_IMAGE}) should not be blank".
ARG BUILDER_IMAGE
ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BUILDER_IMAGE} AS builder

FROM builder AS test
WORKDIR /app
COPY app/ ./
CMD ["python", "-m", "unittest", "discover", "-s", "tests", "-v"]

FROM ${BASE_IMAGE} AS app
# Runtime library only, no compiler: the extension was built in the builder image.
RUN if ! dpkg -s libportaudio2 >/dev/null 2>&1; then \
      apt-get update \
      && apt-get install -y --no-install-recommends libportaudio2 \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --gid 10001 appuser \
    && useradd --uid 10001 --gid appuser --no-create-home --shell /usr/sbin/nologin appuser

COPY --from=builder /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
COPY --chown=appuser:appuser app/voice/ ./voice/
USER appuser
EXPOSE 8000
CMD ["python", "-m", "voice"]
