#!/usr/bin/env bash
# A second, current Docker engine beside the distribution's, for Slipway's own tests and benchmarks: Debian trixie's
# docker.io (26.x, with docker-buildx and docker-compose), kept out of the host's packages. Its root is made once with
# mmdebstrap under $STATE_DIR (keyed by this recipe), and its dockerd runs chrooted there in a mount namespace of its own,
# with its own socket, data root, exec root, pidfile and bridge (no iptables rules of its own; one MASQUERADE rule and
# two FORWARD rules for its subnet only, so RUN steps reach Debian's archive, removed by `stop`).
# Idempotent: when the engine answers it only reports. Runs as root, or as a user with passwordless sudo.
# Usage: provision/current-engine.sh [start|stop|root]   (root: make the root only, print its path)
# Ends `start` with one machine-readable line on stdout:  CURRENT_ENGINE unix:///run/slipway/current-engine/docker.sock <root>
set -euo pipefail

# Bump when the recipe changes in a way the lists below do not show.
SCRIPT_VERSION=1
SUITE=trixie
MIRROR="deb http://deb.debian.org/debian $SUITE main"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
PACKAGES=(docker.io docker-cli docker-buildx docker-compose ca-certificates)
STATE_DIR=${SLIPWAY_CURRENT_ENGINE_STATE:-/var/lib/slipway/current-engine}
RUN_DIR=/run/slipway/current-engine # on the host and, bound to the same path, inside the root
SOCKET=$RUN_DIR/docker.sock
PIDFILE=$RUN_DIR/docker.pid
LOG_FILE=/var/log/slipway-current-dockerd.log
BRIDGE=slipway-cur0
BRIDGE_ADDRESS=10.214.0.1/24 # docker0 is 172.17/16, the tests' second engine's bridge 10.213.0.1/24
SUBNET=10.214.0.0/24
RULE_TAG=slipway-current-engine
START_TIMEOUT=60

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

ACTION=${1:-start}
case $ACTION in start | stop | root) ;; *) die "unknown action '$ACTION' (start, stop or root)" ;; esac

HASH=$(printf '%s\n' "$SCRIPT_VERSION" "$SUITE" "$MIRROR" "${PACKAGES[@]}" | sha256sum | cut -c1-12)
ROOT=$STATE_DIR/$SUITE-$HASH

answers() {
  [[ -S $SOCKET ]] && timeout 5 curl -sf --unix-socket "$SOCKET" http://engine/_ping >/dev/null 2>&1
}

server_version() {
  curl -sf --unix-socket "$SOCKET" http://engine/version | sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion":"\([^"]*\)".*/\1 (API \2)/p'
}

running_pid() {
  local pid
  [[ -r $PIDFILE ]] && pid=$(<"$PIDFILE") && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] && echo "$pid"
}

report() { echo "CURRENT_ENGINE unix://$SOCKET $ROOT"; }

if [[ $ACTION == start ]] && answers; then
  log "current engine answers at unix://$SOCKET (server $(server_version), root $ROOT): nothing to do"
  report
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  require_root "the current engine ($ACTION)" "sudo $0 $*"
  as_root "the current engine ($ACTION)" env SLIPWAY_CURRENT_ENGINE_STATE="$STATE_DIR" bash "${BASH_SOURCE[0]}" "$@"
  exit
fi

nat_rules() { # -A or -D
  iptables -t nat "$1" POSTROUTING -s "$SUBNET" ! -o "$BRIDGE" -j MASQUERADE -m comment --comment "$RULE_TAG"
  # The first engine's FORWARD policy is DROP: let the subnet's own traffic out and its answers back in.
  iptables "${1/-A/-I}" FORWARD -i "$BRIDGE" ! -o "$BRIDGE" -j ACCEPT -m comment --comment "$RULE_TAG"
  iptables "${1/-A/-I}" FORWARD -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT -m comment --comment "$RULE_TAG"
}

remove_nat_rules() {
  command -v iptables >/dev/null || return 0
  while iptables -t nat -C POSTROUTING -s "$SUBNET" ! -o "$BRIDGE" -j MASQUERADE -m comment --comment "$RULE_TAG" 2>/dev/null; do
    nat_rules -D 2>/dev/null || break
  done
}

stop_engine() {
  local pid i
  if pid=$(running_pid); then
    log "stopping the current engine (dockerd pid $pid)"
    kill -TERM "$pid"
    for ((i = 0; i < 30 * 5; i++)); do
      [[ -d /proc/$pid ]] || break
      sleep 0.2
    done
    [[ -d /proc/$pid ]] && kill -KILL "$pid"
  fi
  remove_nat_rules
  [[ -d /sys/class/net/$BRIDGE ]] && ip link del "$BRIDGE"
  rm -f "$PIDFILE" "$SOCKET"
}

if [[ $ACTION == stop ]]; then
  stop_engine
  log "current engine stopped (its root and data root stay in $ROOT)"
  exit 0
fi

make_root() {
  if [[ -x $ROOT/usr/sbin/dockerd ]]; then
    log "trixie root present: $ROOT"
    return
  fi
  # On Ubuntu the host's apt keys do not sign Debian's archive: debian-archive-keyring does, named explicitly below.
  if ! command -v mmdebstrap >/dev/null || [[ ! -r $KEYRING ]]; then
    log "installing mmdebstrap and debian-archive-keyring (the current engine's root is made with them)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap debian-archive-keyring >/dev/null
  fi
  local partial=$ROOT.partial started=$SECONDS
  rm -rf "$partial"
  log "making the $SUITE root with ${PACKAGES[*]} (mmdebstrap, about a minute)"
  mmdebstrap --quiet --variant=minbase --keyring="$KEYRING" --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --aptopt='Acquire::Languages "none"' --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    "$SUITE" "$partial" "$MIRROR"
  echo '{}' >"$partial/etc/docker/daemon.json"
  mv "$partial" "$ROOT"
  log "$SUITE root made in $((SECONDS - started)) s: $ROOT"
  find "$STATE_DIR" -mindepth 1 -maxdepth 1 -type d ! -path "$ROOT" -print -exec rm -rf {} + | sed 's/^/[provision] removed stale root /' >&2
}

ensure_bridge() {
  [[ -d /sys/class/net/$BRIDGE ]] || ip link add "$BRIDGE" type bridge
  ip -o -4 addr show dev "$BRIDGE" | grep -qF "$BRIDGE_ADDRESS" || ip addr add "$BRIDGE_ADDRESS" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

mkdir -p "$STATE_DIR" "$RUN_DIR"
exec 9>"$STATE_DIR/.lock"
flock 9 # two provisioning runs at once: the second waits and then finds the engine answering
if [[ $ACTION == start ]] && answers; then
  log "current engine answers at unix://$SOCKET (started by a concurrent run)"
  report
  exit 0
fi
make_root
[[ $ACTION == root ]] && { echo "$ROOT"; exit 0; }

stop_engine # left over from a run that died, and not answering
ensure_bridge
remove_nat_rules
command -v iptables >/dev/null && nat_rules -A || log "no iptables on the host: containers on $BRIDGE cannot reach the network"
# The host's docker group owns the socket, as the first engine's (the root's own group has another id).
GROUP=$(getent group docker | cut -d: -f3 || true)
mkdir -p "$RUN_DIR"
# A mount namespace of its own: the root's /proc, /sys, /dev and /run mounts vanish with the daemon, and nothing
# mounted there propagates back to the host. The run folder is bound in at the same path, so the socket is the host's.
# shellcheck disable=SC2016 # expanded by the inner shell
setsid unshare --mount --propagation slave sh -c '
  root=$0 run=$1; shift
  mount --bind "$root" "$root"
  for fs in proc sys dev; do mount --rbind "/$fs" "$root/$fs"; done
  mount -t tmpfs -o mode=755 tmpfs "$root/run"
  mkdir -p "$root$run" && mount --bind "$run" "$root$run"
  exec chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"
' "$ROOT" "$RUN_DIR" dockerd --host "unix://$SOCKET" --data-root /var/lib/docker --exec-root "$RUN_DIR/exec" \
  --pidfile "$PIDFILE" --config-file /etc/docker/daemon.json ${GROUP:+--group "$GROUP"} \
  --bridge "$BRIDGE" --iptables=false --ip-masq=false >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
log "starting the current engine's dockerd chrooted in $ROOT (log: $LOG_FILE)"
for ((i = 0; i < START_TIMEOUT * 4; i++)); do
  answers && break
  sleep 0.25
done
answers || { tail -n 20 "$LOG_FILE" >&2; die "the current engine did not answer at unix://$SOCKET within $START_TIMEOUT s; see $LOG_FILE"; }
log "current engine answers at unix://$SOCKET after $((i / 4)) s: server $(server_version)"
report
