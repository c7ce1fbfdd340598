# Builder image: compilers, -dev headers and the service's dependencies prebuilt in /opt/venv.
# Inputs: this file, app/requirements.txt and app/native/ only (the dependency hash covers exactly these);
# the service code never enters this image, so code changes never rebuild it.
#   docker build -f docker/builder.Dockerfile [--platform linux/arm64] \
#     [--build-arg BASE_IMAGE=slipway-base/python-builder:...] -t voice-builder:deps-<hash> .
# The unit tests run in this image with the service code copied in: stage `test` of docker/app.Dockerfile.
ARG BASE_IMAGE=python:3.11-bookworm
FROM ${BASE_IMAGE} AS builder

# The local stand-in bases already have these (and builds there have no network); elsewhere apt provides them.
RUN if ! dpkg -s build-essential portaudio19-dev >/dev/null 2>&1; then \
      apt-get update \
      && apt-get install -y --no-install-recommends build-essential portaudio19-dev \
      && rm -rf /var/lib/apt/lists/*; \
    fi

ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PIP_DISABLE_PIP_VERSION_CHECK=1
# --no-build-isolation below needs `wheel` in the venv: Debian ships it as a file, the official image gets it from PyPI.
RUN python3 -m venv /opt/venv \
    && if ls /usr/share/python-wheels/wheel-*.whl >/dev/null 2>&1; \
       then pip install --no-index /usr/share/python-wheels/wheel-*.whl; \
       else pip install wheel; fi

WORKDIR /src
COPY app/requirements.txt ./
COPY app/native/ ./native/
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --no-build-isolation -r requirements.txt \
    && python -c "import voice_native; print(voice_native.portaudio_version())"
