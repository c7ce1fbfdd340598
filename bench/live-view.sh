#!/usr/bin/env bash
# Issue 14's screenshot: the live view of ./build.sh Push of two platforms, on a real terminal (a tmux pane of 120x40),
# captured as text with `tmux capture-pane -p` every few seconds while it pushes.
#  - a small service under .nuke/temp/live-view (a builder with a layer of random bytes, so there is something to
#    compress and send; an app that passes VerifyArch), built and verified first for linux/amd64 and linux/arm64
#    (arm64 under QEMU), outside the capture;
#  - a throwaway Debian docker-registry on 127.0.0.1 (htpasswd), reached through a relay that passes what the push
#    sends at RATE bytes/s (default 12 MB/s; 0: no relay), so the bars move slowly enough to be seen;
#  - the push runs in a detached tmux session; the captures go to .nuke/temp/live-view/captures.txt and are printed.
# Usage: bench/live-view.sh [interval-seconds] [rate-bytes-per-second]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
INTERVAL="${1:-3}"
RATE="${2:-12000000}"
NAME=slipway-bench/live-view
REPOSITORY=acme/live-view
USERNAME=bench
PASSWORD="bench-$RANDOM$RANDOM"
SERVICE="$ROOT/.nuke/temp/live-view"
SESSION="slipway-live-view-$$"
WORK=$(mktemp -d /tmp/slipway-bench-live-XXXXXX)
PIDS=()
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for image in $(docker images --format '{{.Repository}}:{{.Tag}}' | grep -E "^$NAME(-builder)?:" || true); do
    docker rmi -f "$image" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in tmux docker-registry htpasswd curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/live-view.sh needs $tool (apt-get install tmux; tests/install-tools.sh installs the registry tools)" >&2; exit 1; }
done

mkdir -p "$SERVICE/docker"
cat > "$SERVICE/docker/builder.Dockerfile" <<'EOF'
ARG BASE_IMAGE=python:3.11-bookworm
FROM ${BASE_IMAGE} AS builder
COPY requirements.txt /opt/venv/requirements.txt
RUN head -c 60000000 /dev/urandom > /opt/venv/payload
EOF
cat > "$SERVICE/docker/app.Dockerfile" <<'EOF'
ARG BUILDER_IMAGE
ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
FROM ${BUILDER_IMAGE} AS builder
FROM ${RUNTIME_IMAGE}
COPY --from=builder /opt/venv /opt/venv
COPY voice/ /app/voice/
WORKDIR /app
USER 1000
EOF
echo "pyaudio==0.2.14" > "$SERVICE/requirements.txt"
mkdir -p "$SERVICE/voice"
# what VerifyArch runs (python -m voice --self-check): the machine it runs on
echo 'import json, platform; print(json.dumps({"machine": platform.machine()}))' > "$SERVICE/voice/__main__.py"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
htpasswd -Bbn "$USERNAME" "$PASSWORD" > "$WORK/htpasswd"
cat > "$WORK/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORK/data
http:
  addr: 127.0.0.1:$PORT
  secret: slipway-bench-secret
auth:
  htpasswd:
    realm: slipway-bench
    path: $WORK/htpasswd
EOF
/usr/bin/docker-registry serve "$WORK/config.yml" > "$WORK/registry.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/v2/" && break; sleep 0.1; done
ADDRESS=127.0.0.1:$PORT
if [[ "$RATE" != 0 ]]; then
  RELAY=$(free_port)
  # what the client sends goes on at RATE bytes/s, the answers at full speed
  python3 - "$RELAY" "$PORT" "$RATE" <<'EOF' &
import asyncio, sys, time
listen, upstream, rate = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
async def pump(reader, writer, limit):
    free = 0.0  # when the rate allows the next bytes; an idle kept-alive connection earns no burst
    try:
        while data := await reader.read(16384):
            writer.write(data)
            await writer.drain()
            if limit:
                free = max(free, time.monotonic()) + len(data) / limit
                if (ahead := free - time.monotonic()) > 0:
                    await asyncio.sleep(ahead)
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()
async def relay(client_reader, client_writer):
    reader, writer = await asyncio.open_connection("127.0.0.1", upstream)
    await asyncio.gather(pump(client_reader, writer, rate), pump(reader, client_writer, 0))
async def main():
    server = await asyncio.start_server(relay, "127.0.0.1", listen)
    async with server:
        await server.serve_forever()
asyncio.run(main())
EOF
  PIDS+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$RELAY/v2/" && break; sleep 0.1; done
  ADDRESS=127.0.0.1:$RELAY
fi

COMMON=(--platforms linux/amd64 linux/arm64 --image-name "$NAME" --base-images StandIn --no-logo
  --build-context "$SERVICE" --builder-dockerfile "$SERVICE/docker/builder.Dockerfile" --app-dockerfile "$SERVICE/docker/app.Dockerfile")
echo "building and verifying the service for both platforms first (not captured) ..."
./build.sh VerifyArch "${COMMON[@]}" > "$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt" >&2; exit 1; }

CAPTURES="$SERVICE/captures.txt"
: > "$CAPTURES"
tmux new-session -d -s "$SESSION" -x 120 -y 40 -e "SLIPWAY_REGISTRY_PASSWORD=$PASSWORD" \
  "cd '$ROOT' && ./build.sh Push ${COMMON[*]} --registry $ADDRESS/$REPOSITORY --registry-username $USERNAME; echo \"exit code \$?\"; sleep 3600"
started=$(date +%s)
for capture in $(seq 1 200); do
  sleep "$INTERVAL"
  screen=$(tmux capture-pane -p -t "$SESSION")
  printf '── capture %d, %ds after the start ──\n%s\n' "$capture" "$(($(date +%s) - started))" "$screen" >> "$CAPTURES"
  grep -q '^exit code ' <<<"$screen" && break
done
cat "$CAPTURES"
