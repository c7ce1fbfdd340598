#!/usr/bin/env bash
# Issue 4's push benchmark: ./build.sh Push of both platforms to a fresh local registry, twice, nothing changed in between.
#  - a throwaway Debian docker-registry on 127.0.0.1 (htpasswd, bcrypt), storage in a temp folder, stopped on exit;
#  - a warm-up VerifyArch first, so both pushes find every image built and only differ in what they upload;
#  - per push: wall time, the Push target's note (", N bytes sent"), the per-image lines of the log;
#  - then the registry's tags, each read back with `skopeo inspect --raw` (an independent client).
# The password goes in through SLIPWAY_REGISTRY_PASSWORD, never on a command line.
# Usage: bench/push.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NAME=slipway-bench/voice
REPOSITORY=acme/voice
USERNAME=bench
PASSWORD="bench-$RANDOM$RANDOM"
WORK=$(mktemp -d /tmp/slipway-bench-push-XXXXXX)
REGISTRY_PID=
cleanup() {
  if [[ -n $REGISTRY_PID ]]; then kill "$REGISTRY_PID" 2>/dev/null || true; wait "$REGISTRY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in docker-registry htpasswd skopeo jq bc curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/push.sh needs $tool (tests/install-tools.sh installs the registry tools; apt-get install jq bc)" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
ADDRESS=127.0.0.1:$PORT
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
  addr: $ADDRESS
  secret: slipway-bench-secret
auth:
  htpasswd:
    realm: slipway-bench
    path: $WORK/htpasswd
EOF
/usr/bin/docker-registry serve "$WORK/config.yml" > "$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://$ADDRESS/v2/" && break
  kill -0 "$REGISTRY_PID" 2>/dev/null || { cat "$WORK/registry.log" >&2; exit 1; }
  sleep 0.1
done
echo "registry: docker-registry (pid $REGISTRY_PID) at $ADDRESS, htpasswd user $USERNAME"

COMMON=(--platforms linux/amd64 linux/arm64 --image-name "$NAME" --base-images StandIn --no-logo)
seconds() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }
timed() {  # log file, then the build arguments; prints the wall time in seconds
  local log=$1 start end; shift
  start=$(date +%s%N)
  if ! SLIPWAY_REGISTRY_PASSWORD="$PASSWORD" ./build.sh "$@" > "$log" 2>&1; then
    tail -30 "$log" >&2; echo "FAILED: ./build.sh $*" >&2; exit 1
  fi
  end=$(date +%s%N)
  seconds "$start" "$end"
}
PUSH=(Push "${COMMON[@]}" --registry "$ADDRESS/$REPOSITORY" --registry-username "$USERNAME")

echo "== warm-up: ./build.sh VerifyArch ${COMMON[*]}"
warm=$(timed "$WORK/warmup.log" VerifyArch "${COMMON[@]}")
printf '  %.3f s (builds up to date or done now; every Push below runs this part too)\n' "$warm"

declare -a TIMES BYTES
for run in 1 2; do
  echo "== push $run: ./build.sh ${PUSH[*]}"
  TIMES[$run]=$(timed "$WORK/push$run.log" "${PUSH[@]}")
  note=$(grep -E '^Push +Succeeded' "$WORK/push$run.log" | sed -E 's/^Push +Succeeded +[0-9.]+s +//')
  BYTES[$run]=$(grep -oE '[0-9]+ bytes sent$' <<< "$note" | cut -d' ' -f1)
  printf '  wall time %.3f s; Push target: %s\n' "${TIMES[$run]}" "$(grep -E '^Push +Succeeded' "$WORK/push$run.log" | awk '{print $3}')"
  echo "  note: $note"
  grep -E 'bytes sent, [0-9]+ blobs already there' "$WORK/push$run.log" | sed -E 's/^\[[^]]*\] /  /' ||
    echo "  (no image exported or uploaded: the registry still has every manifest pushed before)"
done

echo "== summary"
printf '  first push   %8.3f s  %12s bytes sent\n' "${TIMES[1]}" "${BYTES[1]}"
printf '  second push  %8.3f s  %12s bytes sent\n' "${TIMES[2]}" "${BYTES[2]}"
printf '  second/first %8.2f x\n' "$(echo "scale=4; ${TIMES[2]} / ${TIMES[1]}" | bc)"
printf '  no-op VerifyArch (the part before uploading) %.3f s\n' "$warm"

echo "== tags, read back by skopeo inspect --raw"
for repository in "$REPOSITORY" "$REPOSITORY-builder"; do
  for tag in $(curl -s -u "$USERNAME:$PASSWORD" "http://$ADDRESS/v2/$repository/tags/list" | jq -r '.tags[]' | sort); do
    raw=$(skopeo inspect --raw --tls-verify=false --creds "$USERNAME:$PASSWORD" "docker://$ADDRESS/$repository:$tag")
    echo "-- $repository:$tag  $(jq -r '.mediaType' <<< "$raw")"
    jq -r '.manifests[]? | "   \(.platform.os)/\(.platform.architecture)  \(.digest)  \(.size) bytes"' <<< "$raw"
    jq -c . <<< "$raw" | sed 's/^/   raw: /'
  done
done
