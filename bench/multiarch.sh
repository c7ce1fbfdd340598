#!/usr/bin/env bash
# Issue 4's multi-arch benchmark, cold builder builds (`docker build --no-cache` of docker/builder.Dockerfile on the
# stand-in base image; Debian's /usr/bin/docker 20.10 client, BuildKit), medians of RUNS runs, figures printed:
#  1. the emulation factor: linux/arm64 under QEMU against linux/amd64 natively, one at a time on the first engine
#     (whole build, and its RUN steps alone, as BuildKit reports them);
#  2. both platforms cold: one after another on one engine (what Slipway does without --engines), both at once on one
#     engine (a control: parallelism alone), and each on its own engine at the same time (first dockerd amd64, second
#     dockerd arm64, as with --engines linux/arm64=unix:///run/slipway-second/docker.sock).
# The second dockerd is the one the tests use (tests/.../Components/SecondEngine.cs): own socket, data root, exec root,
# pidfile and bridge, no iptables; reused when it already runs, otherwise started here and stopped at the end.
# Here both engines share one amd64 host, so arm64 stays emulated on either: routing buys parallelism, not native speed.
# Usage: bench/multiarch.sh [runs]   (default 3). Run it on a quiet machine: it measures wall-clock time.
set -euo pipefail
shopt -s inherit_errexit
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
DOCKER=/usr/bin/docker
FIRST=unix:///var/run/docker.sock
RUN_DIR=/run/slipway-second
SECOND=unix://$RUN_DIR/docker.sock
DATA_ROOT=/var/lib/slipway-second
LOG=/var/log/slipway-second-dockerd.log
BRIDGE=slipway2
TAG=slipway-bench/multiarch-builder
export DOCKER_BUILDKIT=1
cd "$ROOT"
WORK=$(mktemp -d /tmp/slipway-bench-multiarch-XXXXXX)
STARTED_SECOND=

second_pid() {  # the pidfile's pid when it is a live dockerd
  local pid
  pid=$(cat "$RUN_DIR/docker.pid" 2>/dev/null) || return 1
  [[ $(ps -o comm= -p "$pid" 2>/dev/null) == dockerd && $(ps -o stat= -p "$pid") != Z* ]] && echo "$pid"
}
second_answers() { DOCKER_HOST=$SECOND timeout 5 $DOCKER version >/dev/null 2>&1; }
start_second() {
  if second_pid >/dev/null && second_answers; then echo "second engine: reusing dockerd $(second_pid) at $SECOND"; return; fi
  [[ -d /sys/class/net/$BRIDGE ]] || ip link add "$BRIDGE" type bridge
  ip -o -4 addr show dev "$BRIDGE" | grep -q 10.213.0.1/24 || ip addr add 10.213.0.1/24 dev "$BRIDGE"
  ip link set "$BRIDGE" up
  mkdir -p "$RUN_DIR" "$DATA_ROOT"
  echo '{}' > "$RUN_DIR/daemon.json"
  setsid dockerd --host "$SECOND" --data-root "$DATA_ROOT" --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/docker.pid" \
    --config-file "$RUN_DIR/daemon.json" --bridge "$BRIDGE" --iptables=false --ip-masq=false >>"$LOG" 2>&1 </dev/null &
  local pid=$! i
  for ((i = 0; i < 240; i++)); do
    second_answers && { STARTED_SECOND=$pid; echo "second engine: started dockerd $pid at $SECOND (log $LOG)"; return; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  echo "the second dockerd did not answer at $SECOND within 60 s; last lines of $LOG:" >&2
  tail -20 "$LOG" >&2
  exit 1
}
cleanup() {
  for engine in "$FIRST" "$SECOND"; do
    DOCKER_HOST=$engine $DOCKER image rm -f "$TAG:amd64" "$TAG:arm64" >/dev/null 2>&1 || true
  done
  if [[ -n $STARTED_SECOND ]]; then
    kill -TERM "$STARTED_SECOND" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$STARTED_SECOND" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$STARTED_SECOND" 2>/dev/null && kill -KILL "$STARTED_SECOND"
    ip link del "$BRIDGE" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
start_second

# The stand-in builder base for each platform, in the engine that builds it (re-imported from the cache in seconds).
declare -A BASE
while read -r _ kind platform tag; do [[ $kind == builder ]] && BASE[${platform#linux/}]=$tag; done \
  < <(DOCKER_HOST=$FIRST bash provision/base-images.sh linux/amd64 linux/arm64 2>/dev/null | grep '^BASE ')
DOCKER_HOST=$SECOND bash provision/base-images.sh linux/arm64 >/dev/null 2>&1
echo "builder bases: ${BASE[amd64]} ${BASE[arm64]}"

now() { date +%s%N; }
seconds() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }
ratio() { echo "scale=4; $1 / $2" | bc; }
# One cold builder build of linux/$2 on engine $1; the plain progress goes to $3, the wall time to $3.time.
cold_build() {
  local start end
  start=$(now)
  if ! DOCKER_HOST=$1 $DOCKER build --no-cache --progress=plain -f docker/builder.Dockerfile --platform "linux/$2" \
      --build-arg BASE_IMAGE="${BASE[$2]}" -t "$TAG:$2" . >"$3" 2>&1; then
    tail -20 "$3" >&2; echo "FAILED: cold build of linux/$2 on $1" >&2; return 1
  fi
  end=$(now)
  [[ $(DOCKER_HOST=$1 $DOCKER image inspect -f '{{.Architecture}}' "$TAG:$2") == "$2" ]] || { echo "$TAG:$2 is not $2" >&2; return 1; }
  DOCKER_HOST=$1 $DOCKER image rm -f "$TAG:$2" >/dev/null
  seconds "$start" "$end" > "$3.time"
}
# Seconds BuildKit spent in the RUN steps of a plain-progress log.
run_steps() {
  awk '/^#[0-9]+ \[.*\] RUN / {run[$1] = 1} /^#[0-9]+ DONE [0-9.]+s$/ && run[$1] {sub(/s$/, "", $3); total += $3}
       END {printf "%.3f", total}' "$1"
}

printf 'machine: %s cores, load %s, %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uname -m)"
echo "== 1. emulation factor: cold builder build, one platform at a time on the first engine (median of $RUNS)"
declare -A WALL STEPS
for arch in amd64 arm64; do
  walls=() steps=()
  for ((i = 0; i < RUNS; i++)); do
    cold_build "$FIRST" "$arch" "$WORK/single-$arch-$i.log"
    walls+=("$(cat "$WORK/single-$arch-$i.log.time")"); steps+=("$(run_steps "$WORK/single-$arch-$i.log")")
  done
  WALL[$arch]=$(printf '%s\n' "${walls[@]}" | median); STEPS[$arch]=$(printf '%s\n' "${steps[@]}" | median)
  printf '  linux/%-6s %-8s %8.3f s   (RUN steps %7.3f s)   runs: %s\n' "$arch" "$([[ $arch == amd64 ]] && echo native || echo QEMU)" \
    "${WALL[$arch]}" "${STEPS[$arch]}" "${walls[*]}"
done
printf '  emulation factor  %6.2f x whole build, %6.2f x RUN steps alone\n' \
  "$(ratio "${WALL[arm64]}" "${WALL[amd64]}")" "$(ratio "${STEPS[arm64]}" "${STEPS[amd64]}")"

echo "== 2. both platforms cold (median of $RUNS)"
serial() { cold_build "$FIRST" amd64 "$WORK/s-amd64.log" && cold_build "$FIRST" arm64 "$WORK/s-arm64.log"; }
together() {  # amd64 on engine $1 and arm64 on engine $2, at the same time
  local a b
  cold_build "$1" amd64 "$WORK/p-amd64.log" & a=$!
  cold_build "$2" arm64 "$WORK/p-arm64.log" & b=$!
  wait "$a" && wait "$b"
}
measure() {  # label, then a command; prints the median wall time of RUNS runs (parallel runs' own times: $WORK/label.each)
  local label=$1 times=() start end; shift
  for ((i = 0; i < RUNS; i++)); do
    start=$(now); "$@"; end=$(now)
    times+=("$(seconds "$start" "$end")")
    if [[ $1 == together ]]; then echo "$(cat "$WORK/p-amd64.log.time") $(cat "$WORK/p-arm64.log.time")" >> "$WORK/$label.each"; fi
  done
  printf '%s\n' "${times[@]}" | median
}
column_median() { awk -v c="$1" '{print $c}' "$WORK/$2.each" | median; }
serial_s=$(measure serial serial)
one_s=$(measure one together "$FIRST" "$FIRST")
two_s=$(measure two together "$FIRST" "$SECOND")
one_amd=$(column_median 1 one); one_arm=$(column_median 2 one)
two_amd=$(column_median 1 two); two_arm=$(column_median 2 two)
printf '  serial, one engine (no --engines)              %8.3f s\n' "$serial_s"
printf '  both at once, one engine (control)             %8.3f s   (amd64 %.3f s, arm64 %.3f s)\n' "$one_s" "$one_amd" "$one_arm"
printf '  both at once, two engines (--engines arm64=2nd) %7.3f s   (amd64 %.3f s, arm64 %.3f s)\n' "$two_s" "$two_amd" "$two_arm"
saved=$(echo "scale=3; $serial_s - $two_s" | bc)
printf '  routing arm64 to the second engine saves      %8.3f s (%.0f %% of serial)\n' "$saved" "$(echo "scale=4; 100 * $saved / $serial_s" | bc)"
native=${WALL[amd64]} # each platform on its own machine at native speed: the pair takes as long as one amd64 build
printf '  estimate with a truly native arm64 engine (arm64 as fast as amd64 here): ~%.3f s, saving ~%.0f %% of serial\n' \
  "$native" "$(echo "scale=4; 100 * ($serial_s - $native) / $serial_s" | bc)"
