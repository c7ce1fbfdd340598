#!/usr/bin/env bash
# Makes a Docker engine (plus QEMU for foreign platforms) available on a Debian host.
# Idempotent: when the engine answers and binfmt is enabled it only reports and exits.
set -euo pipefail

SOCKET=/var/run/docker.sock
DOCKERD_LOG=/var/log/slipway-dockerd.log
PACKAGES=(docker.io qemu-user-static binfmt-support debootstrap mmdebstrap arch-test)

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker -H "unix://$SOCKET" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# The handler for the other one of linux/amd64 and linux/arm64.
case $(uname -m) in
  aarch64 | arm64) FOREIGN_HANDLER=qemu-x86_64 ;;
  *) FOREIGN_HANDLER=qemu-aarch64 ;;
esac

binfmt_ready() {
  [[ -e /proc/sys/fs/binfmt_misc/status && -e /proc/sys/fs/binfmt_misc/$FOREIGN_HANDLER ]] &&
    [[ $(head -n 1 "/proc/sys/fs/binfmt_misc/$FOREIGN_HANDLER") == enabled ]]
}

if engine_answers && binfmt_ready; then
  log "engine answers at $SOCKET (server $(docker version --format '{{.Server.Version}}')), QEMU handlers enabled: nothing to do"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  die "run as root (sudo $0), or install Docker and qemu-user-static yourself and start the engine"
fi
if [[ ! -r /etc/debian_version ]] || ! command -v apt-get >/dev/null; then
  die "not a Debian system: install a Docker engine and QEMU user emulation (binfmt) with your distribution's tools"
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing missing packages: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "packages present: ${PACKAGES[*]}"
fi

if engine_answers; then
  log "engine answers at $SOCKET"
else
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  for ((i = 0; i < 60; i++)); do
    engine_answers && break
    sleep 1
  done
  engine_answers || die "dockerd did not answer within 60 s; see $DOCKERD_LOG"
  log "engine answers at $SOCKET after ${i}s"
fi

if [[ ! -e /proc/sys/fs/binfmt_misc/status ]]; then
  log "mounting binfmt_misc"
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
log "enabling QEMU binfmt handlers"
update-binfmts --enable || true # returns non-zero when some handlers were already enabled
# A handler registered but switched off (echo 0 > handler) stays off for update-binfmts: switch it on directly.
for handler in /proc/sys/fs/binfmt_misc/qemu-*; do
  [[ -e $handler && $(head -n 1 "$handler") == disabled ]] && echo 1 >"$handler"
done
binfmt_ready || die "$FOREIGN_HANDLER binfmt handler is not registered (is qemu-user-static installed?)"
log "QEMU handlers: $(cd /proc/sys/fs/binfmt_misc && ls -d qemu-* | tr '\n' ' ')"
