# Seed 001's "wrong order", for comparison only: one stage, the whole context first, then install and compile.
# Every code edit invalidates the COPY and so re-runs the dependency install and the C compile.
ARG BASE_IMAGE=python:3.11-bookworm
FROM ${BASE_IMAGE}
WORKDIR /app
COPY app/ ./
RUN python3 -m venv /opt/venv \
    && if ls /usr/share/python-wheels/wheel-*.whl >/dev/null 2>&1; \
       then /opt/venv/bin/pip install --no-index /usr/share/python-wheels/wheel-*.whl; \
       else /opt/venv/bin/pip install wheel; fi \
    && /opt/venv/bin/pip install --no-build-isolation -r requirements.txt
ENV PATH=/opt/venv/bin:$PATH
CMD ["python", "-m", "voice"]
