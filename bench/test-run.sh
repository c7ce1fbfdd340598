#!/usr/bin/env bash
# Issue 23's benchmark: where the time of CI's run goes, and how much of this machine's CPU it needs. Clones the
# committed HEAD into a temporary folder, runs CI's command there (`CI=true bash .ci/run`, which is `./build.sh Test`),
# and prints per phase (the build's targets, split at the `── Target ──` headers it prints): the wall time, the CPU
# time every core spent busy (from /proc/stat, sampled every 2 s), and the share of the machine's cores that was idle.
# The last line is the floor the figures give: the whole run's busy CPU time spread over every core with nothing
# idle, the least wall time this work can take on this machine however it is scheduled.
# Run it on a quiet machine (no other builds); the figures are the machine's, not only this run's.
# Usage: bench/test-run.sh [log]   (log: where the run's output goes; default a file in the temporary folder)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/slipway-bench-test-run.XXXXXX")"
LOG="${1:-$WORK/run.log}"
SAMPLES="$WORK/cpu.samples"
PHASES="$WORK/phases"
CORES="$(nproc)"

# One line per sample: epoch seconds, busy and idle jiffies summed over every core.
sample_cpu() {
  while :; do
    read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
    echo "$(date +%s.%N) $((user + nice + system + irq + softirq + steal)) $((idle + iowait))"
    sleep 2
  done >>"$SAMPLES"
}

git clone -q "$ROOT" "$WORK/clone"
echo "benchmark: CI's run of $(git -C "$WORK/clone" log -1 --format='%h %s' | cut -c1-72) on $CORES cores; log: $LOG"
sample_cpu &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT
echo "$(date +%s.%N) bootstrap" >"$PHASES" # build.sh compiling the build project
status=0
(cd "$WORK/clone" && CI=true bash .ci/run </dev/null 2>&1) | while IFS= read -r line; do
  printf '%s\n' "$line" >>"$LOG"
  if [[ $line =~ ^──\ ([A-Za-z]+)\ ─ ]]; then
    echo "$(date +%s.%N) ${BASH_REMATCH[1]}" >>"$PHASES"
    echo "  $(date +%T) ${BASH_REMATCH[1]}" >&2
  fi
done || status=$?
end="$(date +%s.%N)"
sleep 2.1 # one more sample after the end
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true

# Busy jiffies between two times, interpolated between the samples around them.
awk -v cores="$CORES" -v hz="$(getconf CLK_TCK)" -v end="$end" '
  BEGIN { n = 0; m = 0 }
  FNR == NR { t[n] = $1; busy[n] = $2; idle[n] = $3; n++; next }
  { start[m] = $1; name[m] = $2; m++ }
  function at(time, series,   i, f) {
    if (time <= t[0]) return series[0]
    for (i = 1; i < n; i++)
      if (t[i] >= time) { f = (time - t[i-1]) / (t[i] - t[i-1]); return series[i-1] + f * (series[i] - series[i-1]) }
    return series[n-1]
  }
  function row(label, from, to,   b, i, wall) {
    b = (at(to, busy) - at(from, busy)) / hz; i = (at(to, idle) - at(from, idle)) / hz; wall = to - from
    printf "%-22s %9.1f min %10.1f core-min %7.0f %% idle\n", label, wall / 60, b / 60, (b + i > 0 ? 100 * i / (b + i) : 0)
    return b
  }
  END {
    printf "%-22s %13s %19s %11s\n", "phase", "wall", "busy CPU", "cores"
    for (k = 0; k < m; k++) row(name[k], start[k], (k + 1 < m ? start[k+1] : end))
    total = row("whole run", start[0], end)
    printf "floor: %.1f core-min of busy CPU over %d cores is at least %.1f min of wall time, however the work is scheduled\n",
      total / 60, cores, total / 60 / cores
  }' "$SAMPLES" "$PHASES"
[[ $status -eq 0 ]] || echo "the run failed (exit $status): see $LOG"
rm -rf "$WORK/clone"
exit "$status"
