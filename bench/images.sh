#!/usr/bin/env bash
# Issue 3's and 13's benchmarks on the host platform, figures printed (no assertions):
#  1. no-op: ./build.sh BuildAppImage with nothing changed, next to plain `DOCKER_BUILDKIT=1 docker build` of the
#     same two Dockerfiles with a warm cache (Debian's /usr/bin/docker 20.10 client);
#  2. code-only change (one .py edited): ./build.sh BuildAppImage against a raw `docker build` of the app Dockerfile
#     after the same edit, a naive single-stage Dockerfile after the same edit, and the builder's own cold build;
#  3. sizes: (app - runtime base) against (/opt/venv + app code); app/builder; app/naive.
# Sections 1 and 2 run Slipway (A) and docker (B) in turn, A B A B ..., so a machine whose load drifts hurts both
# alike; each pair gives a ratio A/B, and the median of those ratios is reported next to every raw figure.
# Slipway runs as at a developer's terminal: with its build server (SLIPWAY_BUILD_SERVER=1, as its output here is no
# terminal), which the first run starts; section 2 also reports the same pairs without it (every run a fresh process).
# The servers this script started are stopped at its end.
# With SLIPWAY_BENCH_ENGINE=current, everything runs on the current engine (trixie's dockerd 26 from
# provision/current-engine.sh, started if it is not running) and docker's side is `docker buildx build` with trixie's own
# docker CLI and buildx plugin from that engine's root (they run on bookworm).
# Usage: bench/images.sh [pairs] [code]   (default 7 pairs; `code` runs only section 2's pairs). Run it on a quiet
# machine: it measures wall-clock time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
ONLY="${2:-}"
DOCKER=/usr/bin/docker
BUILD=("$DOCKER" build)
export DOCKER_BUILDKIT=1
cd "$ROOT"
if [[ ${SLIPWAY_BENCH_ENGINE:-} == current ]]; then
  read -r _ endpoint engine_root < <(bash provision/current-engine.sh start | grep '^CURRENT_ENGINE ')
  export DOCKER_HOST=$endpoint DOCKER_CONFIG=$ROOT/.nuke/temp/bench-current-docker-config
  mkdir -p "$DOCKER_CONFIG"
  printf '{"cliPluginsExtraDirs": ["%s/usr/libexec/docker/cli-plugins"]}\n' "$engine_root" >"$DOCKER_CONFIG/config.json"
  DOCKER=$engine_root/usr/bin/docker
  BUILD=("$DOCKER" buildx build)
  echo "== current engine at $DOCKER_HOST: server $($DOCKER version -f '{{.Server.Version}}'), $($DOCKER buildx version)"
fi
EDITED=app/voice/server.py
mkdir -p "$ROOT/.nuke/temp"
cp "$EDITED" "$ROOT/.nuke/temp/bench-edited.bak"
SERVERS="$ROOT/.nuke/temp/build-server"
mapfile -t servers_before < <(ls "$SERVERS"/*.server 2>/dev/null || true)
stop_new_servers() {
  local file
  for file in "$SERVERS"/*.server; do
    [[ -f "$file" && " ${servers_before[*]} " != *" $file "* ]] && rm -f "$file"
  done
  return 0
}
trap 'cp "$ROOT/.nuke/temp/bench-edited.bak" "$EDITED"; stop_new_servers' EXIT
export SLIPWAY_BUILD_SERVER=1

mapfile -t BASES < <(bash provision/base-images.sh 2>/dev/null)
builder_base=$(printf '%s\n' "${BASES[@]}" | awk '$2 == "builder" {print $4}')
runtime_base=$(printf '%s\n' "${BASES[@]}" | awk '$2 == "runtime" {print $4}')
NAME=slipway-bench/voice
run_slipway() { ./build.sh BuildAppImage --image-name "$NAME" --base-images StandIn --no-logo >/dev/null 2>&1; }
run_slipway
host_platform=linux/$($DOCKER version -f '{{.Server.Arch}}')
hash_tag=$($DOCKER image ls "$NAME-builder" --filter "label=org.slipway.platform=$host_platform" --format '{{.Tag}}' | grep '^deps-' | head -1)
raw_builder() { "${BUILD[@]}" -q -f docker/builder.Dockerfile --build-arg BASE_IMAGE="$builder_base" -t "$NAME-raw-builder" . >/dev/null; }
raw_app() { "${BUILD[@]}" -q -f docker/app.Dockerfile --build-arg BUILDER_IMAGE="$NAME-raw-builder" --build-arg BASE_IMAGE="$runtime_base" -t "$NAME-raw" . >/dev/null; }
naive() { "${BUILD[@]}" -q -f bench/naive.Dockerfile --build-arg BASE_IMAGE="$builder_base" -t "$NAME-naive" . >/dev/null; }
raw_builder; raw_app
[[ "$ONLY" == code ]] || naive

seconds() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo "scale=3; ($end - $start) / 1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m}'; }
edit() { printf '\n# bench edit %s\n' "$RANDOM$RANDOM" >> "$EDITED"; }
measure() {  # label, then a command; prints the median of RUNS runs
  local label=$1; shift
  local times=()
  for ((i = 0; i < RUNS; i++)); do times+=("$(seconds "$@")"); done
  printf '%s\n' "${times[@]}" | median
}
edit_then() { edit; "$@"; }
pairs() {  # label, command A, command B: runs A then B, RUNS times; prints each pair and "median_a median_b median_ratio"
  local label=$1 a=$2 b=$3 ta tb ratios=() as=() bs=()
  for ((i = 1; i <= RUNS; i++)); do
    ta=$(seconds $a); tb=$(seconds $b)
    as+=("$ta"); bs+=("$tb"); ratios+=("$(echo "scale=4; $ta / $tb" | bc)")
    printf '  %s pair %d: slipway %6.3f s  docker %6.3f s  ratio %5.2f x\n' "$label" "$i" "$ta" "$tb" "${ratios[-1]}" >&2
  done
  echo "$(printf '%s\n' "${as[@]}" | median) $(printf '%s\n' "${bs[@]}" | median) $(printf '%s\n' "${ratios[@]}" | median)"
}

if [[ "$ONLY" != code ]]; then
echo "== 1. no-op ($RUNS pairs, in turn)"
raw_both() { raw_builder; raw_app; }
read -r noop_slipway noop_raw noop_ratio < <(pairs no-op run_slipway raw_both)
printf '  ./build.sh BuildAppImage           %6.3f s (median)\n  docker build builder + app          %6.3f s (median)\n  ratio, median of the pairs          %6.2f x (goal <= 1.0)\n' \
  "$noop_slipway" "$noop_raw" "$noop_ratio"
fi

echo "== 2. code-only change: one .py edited ($RUNS pairs, in turn)"
edited_slipway() { edit; run_slipway; }
edited_raw() { edit; raw_app; }
read -r code_slipway code_raw code_ratio < <(pairs code-only edited_slipway edited_raw)
printf '  ./build.sh BuildAppImage           %6.3f s (median)\n  docker build app Dockerfile         %6.3f s (median)\n  ratio, median of the pairs          %6.2f x (goal <= 1.2)\n' \
  "$code_slipway" "$code_raw" "$code_ratio"
edited_fresh() { edit; SLIPWAY_BUILD_SERVER=0 run_slipway; }
read -r fresh_slipway fresh_raw fresh_ratio < <(pairs without-server edited_fresh edited_raw)
printf '  without the build server           %6.3f s (median), docker %6.3f s: %5.2f x\n' "$fresh_slipway" "$fresh_raw" "$fresh_ratio"
[[ "$ONLY" == code ]] && exit 0
code_naive=$(measure naive edit_then naive)
cold_builder=$(measure builder "${BUILD[@]}" -q --no-cache -f docker/builder.Dockerfile --build-arg BASE_IMAGE="$builder_base" -t "$NAME-cold-builder" .)
printf '  naive single-stage after the edit   %6.3f s\n  builder image, cold (no cache)      %6.3f s  (what the split saves on every edit)\n' "$code_naive" "$cold_builder"

echo "== 3. image size"
size() { $DOCKER image inspect -f '{{.Size}}' "$1"; }
app=$(size "$($DOCKER image ls "$NAME" --filter "label=org.slipway.platform=$host_platform" --format '{{.Repository}}:{{.Tag}}' | head -1)")
base=$(size "$runtime_base")
builder=$(size "$NAME-builder:$hash_tag")
naive_size=$(size "$NAME-naive")
venv_and_code=$($DOCKER run --rm --network none --entrypoint sh "$NAME-raw" -c 'du -sb /opt/venv /app | awk "{s += \$1} END {print s}"')
printf '  app - runtime base                  %6.1f MB\n  /opt/venv + app code                %6.1f MB\n  ratio                               %6.2f x (goal <= 1.1)\n' \
  "$(echo "scale=1; ($app - $base) / 1000000" | bc)" "$(echo "scale=1; $venv_and_code / 1000000" | bc)" "$(echo "scale=4; ($app - $base) / $venv_and_code" | bc)"
printf '  app / builder                       %6.2f  (%s / %s MB)\n  app / naive single-stage            %6.2f  (%s MB)\n' \
  "$(echo "scale=4; $app / $builder" | bc)" "$((app / 1000000))" "$((builder / 1000000))" "$(echo "scale=4; $app / $naive_size" | bc)" "$((naive_size / 1000000))"
