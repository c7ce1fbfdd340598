#!/usr/bin/env bash
# The local loop, edit to running: a one-line code edit in seed 000's backend, then
#   slipway:  ./build.sh Up    (builder skipped by its dependency hash, app image rebuilt, only backend recreated)
#   watch:    ./build.sh Watch running since before the edit (it sees the edit, rebuilds in its own process, recreates backend)
#   compose:  docker compose up -d --build backend   (compose builds backend/Dockerfile itself)
#   compose_t0: the same with --timeout 0 (not run by default): compose without the 10 s the old backend, a Python
#             server as PID 1 that ignores SIGTERM, takes to stop; Watch kills it at once too
# each timed from the write of the edit until the backend answers with the edited text on 127.0.0.1. Median over N
# edits (default 7), side by side; for Watch also its own edit-to-running line (first change seen to `up --wait` done).
# The temporary repository has seed 000's docker-compose.yml (backend, postgres, redis; the stand-ins of
# provision/service-images.sh) and a build project referencing this checkout's sources.
# Usage: bench/compose-loop.sh [edits] [loops]   (loops: any of "up watch compose compose_t0", default "up watch compose")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITS="${1:-7}"
LOOPS="${2:-up watch compose}"
REPO=$(mktemp -d /tmp/slipway-bench-compose.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
IMAGE="slipway-bench/compose-$(basename "$REPO" | tr 'A-Z.' 'a-z-')"
PARAMS=(--builder-dockerfile backend/Dockerfile --app-dockerfile backend/Dockerfile --build-context backend
  --image-name "$IMAGE" --base-images StandIn --no-logo)
COMPOSE_PROJECT="bench-compose-$(basename "$REPO" | tr 'A-Z.' 'a-z-')"

WATCH_PID=
cleanup() {
  [[ -n "$WATCH_PID" ]] && kill -TERM "$WATCH_PID" 2>/dev/null && wait "$WATCH_PID" 2>/dev/null || true
  (cd "$REPO" && ./build.sh Down "${PARAMS[@]}" >/dev/null 2>&1) || true
  docker compose -p "$COMPOSE_PROJECT" -f "$REPO/docker-compose.yml" down --rmi local >/dev/null 2>&1 || true
  docker images --format '{{.Repository}}:{{.Tag}}' | grep -E "^$IMAGE(-builder)?:" | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$REPO"
}
trap cleanup EXIT

cp "$ROOT/build.sh" "$ROOT/global.json" "$REPO/"
mkdir -p "$REPO/.nuke" "$REPO/build" "$REPO/backend"
cat >"$REPO/build/_build.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings><AssemblyName>_build</AssemblyName></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$ROOT/src/Slipway/Slipway.csproj" />
    <ProjectReference Include="$ROOT/src/Slipway.Containers/Slipway.Containers.csproj" />
  </ItemGroup>
</Project>
XML
cat >"$REPO/build/Build.cs" <<'CS'
using Slipway;
using Slipway.Containers.Components;

public sealed class Build : SlipwayBuild, IUp
{
    public static int Main(string[] args) => Execute<Build>(args, x => ((IBuildAppImage)x).BuildAppImage);
}
CS
cat >"$REPO/docker-compose.yml" <<YAML
services:
  backend:
    build:
      context: backend
      dockerfile: Dockerfile
    ports: ["127.0.0.1:$PORT:8000"]
    depends_on: [postgres, redis]
  postgres:
    image: postgres:15-bookworm
    environment: {POSTGRES_PASSWORD: example}
  redis:
    image: redis:7-bookworm
YAML
cat >"$REPO/backend/Dockerfile" <<'DOCKERFILE'
ARG BUILDER_BASE=slipway-base/python-builder:unset
ARG RUNTIME_IMAGE=slipway-base/python-runtime:unset
FROM ${BUILDER_BASE} AS builder
RUN python3 -m venv /opt/venv
FROM ${RUNTIME_IMAGE}
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY app.py ./
CMD ["python3", "-u", "app.py"]
DOCKERFILE
app() {
  cat >"$REPO/backend/app.py" <<PY
from http.server import BaseHTTPRequestHandler, HTTPServer
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"$1")
HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
PY
}
wait_for() { # text
  until [[ $(curl -fs --max-time 1 "http://127.0.0.1:$PORT/" 2>/dev/null) == "$1" ]]; do sleep 0.05; done
}
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m / 1000}'; }
now() { date +%s%3N; }

bench_up() {
  app "edit 0"
  ./build.sh Up "${PARAMS[@]}" >/dev/null
  wait_for "edit 0"
  for ((i = 1; i <= EDITS; i++)); do
    app "slipway edit $i"
    start=$(now); ./build.sh Up "${PARAMS[@]}" >/dev/null; wait_for "slipway edit $i"; SLIPWAY+=($(($(now) - start)))
  done
  ./build.sh Down "${PARAMS[@]}" >/dev/null
}

bench_watch() {
  local log="$REPO/.nuke/temp/watch.log"
  app "watch edit 0"
  ./build.sh Watch "${PARAMS[@]}" >"$log" 2>&1 &
  WATCH_PID=$!
  until grep -q "Watching backend's inputs" "$log"; do
    kill -0 "$WATCH_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  wait_for "watch edit 0"
  for ((i = 1; i <= EDITS; i++)); do
    sleep 1 # an edit comes a moment after the previous cycle's line, as a person's would
    app "watch edit $i"
    start=$(now); wait_for "watch edit $i"; WATCHED+=($(($(now) - start)))
    until (($(grep -c 'backend running .* after the edit' "$log") >= i)); do sleep 0.05; done
  done
  OWN=($(grep -o 'backend running [0-9.]* s after the edit' "$log" | awk '{print $3 * 1000}'))
  grep 'backend running .* after the edit' "$log" | sed 's/^/[watch] /' >&2
  kill -TERM "$WATCH_PID"; wait "$WATCH_PID" || true; WATCH_PID=
  grep -q "Watch stopped: taking project" "$log" || { echo "the watch did not take the project down" >&2; exit 1; }
}

bench_compose() { # [extra up options]
  # compose needs its own base names: the same stand-in bases, given as build args in an override of its own
  local builder runtime
  builder=$(docker images --format '{{.Repository}}:{{.Tag}}' 'slipway-base/python-builder' | grep amd64 | head -n 1)
  runtime=$(docker images --format '{{.Repository}}:{{.Tag}}' 'slipway-base/python-runtime' | grep amd64 | head -n 1)
  mkdir -p "$REPO/.nuke/temp"
  cat >"$REPO/.nuke/temp/bench.override.yaml" <<YAML
services:
  backend:
    build:
      args: {BUILDER_BASE: "$builder", RUNTIME_IMAGE: "$runtime"}
YAML
  local compose=(docker compose -p "$COMPOSE_PROJECT" -f docker-compose.yml -f .nuke/temp/bench.override.yaml)
  app "compose edit 0"
  "${compose[@]}" up -d --build >/dev/null 2>&1
  wait_for "compose edit 0"
  for ((i = 1; i <= EDITS; i++)); do
    app "compose edit $i"
    start=$(now); "${compose[@]}" up -d --build "$@" backend >/dev/null 2>&1; wait_for "compose edit $i"; COMPOSED+=($(($(now) - start)))
  done
  "${compose[@]}" down >/dev/null 2>&1
}

bench_compose_t0() {
  local before=${#COMPOSED[@]}
  bench_compose --timeout 0
  KILLED=("${COMPOSED[@]:$before}") COMPOSED=("${COMPOSED[@]:0:$before}")
}

cd "$REPO"
echo "[bench] compiling the build (not timed)" >&2
./build.sh --help >/dev/null
SLIPWAY=() WATCHED=() OWN=() COMPOSED=() KILLED=()
for loop in $LOOPS; do
  echo "[bench] $loop: first run not timed, then $EDITS edits" >&2
  "bench_$loop"
done

echo "edit to running, median of $EDITS edits (seconds):"
((${#SLIPWAY[@]})) && echo "  ./build.sh Up                          $(printf '%s\n' "${SLIPWAY[@]}" | median)   (each: ${SLIPWAY[*]} ms)"
((${#WATCHED[@]})) && echo "  ./build.sh Watch                       $(printf '%s\n' "${WATCHED[@]}" | median)   (each: ${WATCHED[*]} ms; Watch's own line: median $(printf '%s\n' "${OWN[@]}" | median))"
((${#COMPOSED[@]})) && echo "  docker compose up -d --build backend   $(printf '%s\n' "${COMPOSED[@]}" | median)   (each: ${COMPOSED[*]} ms)"
((${#KILLED[@]})) && echo "  ... --timeout 0                        $(printf '%s\n' "${KILLED[@]}" | median)   (each: ${KILLED[*]} ms)"
true
