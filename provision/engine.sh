#!/usr/bin/env bash
# Makes a Docker engine (plus QEMU for foreign platforms) available on a Debian or Ubuntu host.
# Idempotent: when the engine answers and binfmt is enabled it only reports and exits. Installs only what is missing
# (an engine that answers is never replaced: a GitHub runner's Moby stays). Runs as root, or as a user with
# passwordless sudo (each root command goes through sudo -n, see as-root.sh).
set -euo pipefail

SOCKET=/var/run/docker.sock
DOCKERD_LOG=/var/log/slipway-dockerd.log
ENGINE_PACKAGES=(docker.io)
QEMU_PACKAGES=(qemu-user-static binfmt-support)

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker -H "unix://$SOCKET" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# The handler for the other one of linux/amd64 and linux/arm64.
case $(uname -m) in
  aarch64 | arm64) FOREIGN_HANDLER=qemu-x86_64 FOREIGN_ARCH=amd64 ;;
  *) FOREIGN_HANDLER=qemu-aarch64 FOREIGN_ARCH=arm64 ;;
esac

binfmt_ready() {
  [[ -e /proc/sys/fs/binfmt_misc/status && -e /proc/sys/fs/binfmt_misc/$FOREIGN_HANDLER ]] &&
    [[ $(head -n 1 "/proc/sys/fs/binfmt_misc/$FOREIGN_HANDLER") == enabled ]]
}

if engine_answers && binfmt_ready; then
  log "engine answers at $SOCKET (server $(docker version --format '{{.Server.Version}}')), QEMU handlers enabled: nothing to do"
  exit 0
fi

if [[ ! -r /etc/debian_version ]] || ! command -v apt-get >/dev/null; then
  die "not a Debian or Ubuntu system: install a Docker engine and QEMU user emulation (binfmt) with your distribution's tools"
fi

install_missing() { # packages...
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "packages present: $*"
    return
  fi
  require_root "installing ${missing[*]}" "sudo apt-get install -y ${missing[*]}"
  log "installing missing packages: ${missing[*]}"
  as_root "installing ${missing[*]}" apt-get update -qq
  as_root "installing ${missing[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if engine_answers; then
  log "engine answers at $SOCKET"
else
  command -v dockerd >/dev/null 2>&1 || install_missing "${ENGINE_PACKAGES[@]}"
  require_root "starting the Docker engine" "sudo dockerd (or start the docker service)"
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  as_root "starting dockerd" sh -c "setsid nohup dockerd >>'$DOCKERD_LOG' 2>&1 </dev/null &"
  for ((i = 0; i < 60; i++)); do
    engine_answers && break
    sleep 1
  done
  engine_answers || die "dockerd did not answer within 60 s; see $DOCKERD_LOG"
  log "engine answers at $SOCKET after ${i}s"
fi

if binfmt_ready; then
  log "QEMU handler $FOREIGN_HANDLER enabled"
  exit 0
fi
AS_ROOT_HINT="or register QEMU the container way: docker run --privileged --rm tonistiigi/binfmt --install $FOREIGN_ARCH"
require_root "registering QEMU's binfmt handler $FOREIGN_HANDLER" \
  "sudo apt-get install -y ${QEMU_PACKAGES[*]} && sudo update-binfmts --enable"
install_missing "${QEMU_PACKAGES[@]}"
if [[ ! -e /proc/sys/fs/binfmt_misc/status ]]; then
  log "mounting binfmt_misc"
  as_root "mounting binfmt_misc" mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
log "enabling QEMU binfmt handlers"
as_root "enabling QEMU binfmt handlers" update-binfmts --enable || true # non-zero when some handlers were already enabled
# A handler registered but switched off (echo 0 > handler) stays off for update-binfmts: switch it on directly.
for handler in /proc/sys/fs/binfmt_misc/qemu-*; do
  [[ -e $handler && $(head -n 1 "$handler") == disabled ]] && as_root "enabling $handler" sh -c "echo 1 > '$handler'"
done
binfmt_ready || die "$FOREIGN_HANDLER binfmt handler is not registered (is qemu-user-static installed?); $AS_ROOT_HINT"
log "QEMU handlers: $(cd /proc/sys/fs/binfmt_misc && ls -d qemu-* | tr '\n' ' ')"
