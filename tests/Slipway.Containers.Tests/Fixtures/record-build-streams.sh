#!/usr/bin/env bash
# Records the engine's raw build output (BuildKit, version=2, and the classic builder) for the progress decoder's tests.
# Needs the test base image slipway-test/busybox:amd64 (the engine tests load it) and curl.
# Usage: record-build-streams.sh [output-dir]   (default: recorded/ beside this script)
set -euo pipefail
out=${1:-"$(cd "$(dirname "$0")" && pwd)/recorded"}
socket=${DOCKER_SOCKET:-/var/run/docker.sock}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

record() { # name, query, Dockerfile text
  mkdir -p "$work/$1"
  printf '%s' "$3" >"$work/$1/Dockerfile"
  tar --format=ustar -C "$work/$1" -cf "$work/$1.tar" Dockerfile
  curl -sS --unix-socket "$socket" -X POST -H 'Content-Type: application/x-tar' \
    --data-binary "@$work/$1.tar" "http://localhost/build?$2" >"$out/$1.jsonl"
  echo "recorded $out/$1.jsonl ($(wc -l <"$out/$1.jsonl") lines)" >&2
}

record buildkit-success "version=2&nocache=1&t=slipway-test/recorded:success&labels=%7B%22org.slipway.test%22%3A%22recorded%22%7D" \
  $'FROM slipway-test/busybox:amd64\nRUN echo hello from run && echo second line\nRUN echo stderr line >&2\n'
record buildkit-cached "version=2&t=slipway-test/recorded:success&labels=%7B%22org.slipway.test%22%3A%22recorded%22%7D" \
  $'FROM slipway-test/busybox:amd64\nRUN echo hello from run && echo second line\nRUN echo stderr line >&2\n'
record buildkit-failure "version=2&nocache=1" \
  $'FROM slipway-test/busybox:amd64\nRUN echo preparing && echo step output line && echo about to fail >&2 && exit 3\n'
record buildkit-parse-error "version=2" \
  $'FROM slipway-test/busybox:amd64\nNOTANINSTRUCTION foo\n'
record classic-failure "version=1&nocache=1&rm=1&forcerm=1" \
  $'FROM slipway-test/busybox:amd64\nRUN echo preparing && echo step output line && echo about to fail >&2 && exit 3\n'
docker rmi slipway-test/recorded:success >/dev/null 2>&1 || true
