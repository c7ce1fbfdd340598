#!/usr/bin/env bash
# Startup benchmark: the warm path of ./build.sh --help (nothing changed, so no compilation) next to a no-op
# `dotnet build` of the build project, which is what a `dotnet run`-style bootstrap pays on every run.
# Usage: bench/startup.sh [runs]   (default 15; uses hyperfine when installed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-15}"
cd "$ROOT"

./build.sh --help >/dev/null                                  # warm: compile once if sources changed
dotnet build build/_build.csproj -nologo -v quiet >/dev/null   # warm the no-op build too

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --style basic --warmup 2 --runs "$RUNS" --export-json "$ROOT/.nuke/temp/startup.json" \
    --command-name 'warm ./build.sh --help' './build.sh --help' \
    --command-name 'no-op dotnet build' 'dotnet build build/_build.csproj -nologo -v quiet' >/dev/null
  python3 - "$ROOT/.nuke/temp/startup.json" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"{result['command']:<26} median {result['median']:.3f} s  (mean {result['mean']:.3f} s, min {result['min']:.3f} s, {len(result['times'])} runs)")
PY
else
  median() {
    local times=()
    for ((i = 0; i < RUNS; i++)); do
      local start end
      start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
      times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1000}'
  }
  echo "warm ./build.sh --help     median $(median ./build.sh --help) s ($RUNS runs)"
  echo "no-op dotnet build         median $(median dotnet build build/_build.csproj -nologo -v quiet) s ($RUNS runs)"
fi
