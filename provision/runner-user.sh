#!/usr/bin/env bash
# Makes a user shaped like a GitHub-hosted runner's `runner`: a home of its own, in the docker group, passwordless sudo.
# Slipway's workflow rehearsal runs every job as this user. Idempotent. Runs as root or with passwordless sudo.
# Usage: provision/runner-user.sh [name]        (default: slipway-runner)
set -euo pipefail

USER_NAME=${1:-slipway-runner}
SUDOERS=/etc/sudoers.d/90-$USER_NAME

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

[[ $USER_NAME =~ ^[a-z_][a-z0-9_-]*$ ]] || die "'$USER_NAME' is not a user name"
require_root "creating the user $USER_NAME" "sudo $0 $USER_NAME"
if ! command -v sudo >/dev/null 2>&1; then
  [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null || die "sudo is missing and this is not a Debian or Ubuntu system"
  log "installing sudo"
  as_root "installing sudo" apt-get update -qq
  as_root "installing sudo" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo >/dev/null
fi
getent group docker >/dev/null || die "no docker group: the engine's socket must belong to it (install Docker first)"
if id "$USER_NAME" >/dev/null 2>&1; then
  log "user $USER_NAME exists"
else
  as_root "creating the user $USER_NAME" useradd -m -s /bin/bash "$USER_NAME"
  log "created user $USER_NAME ($(getent passwd "$USER_NAME" | cut -d: -f6))"
fi
id -nG "$USER_NAME" | tr ' ' '\n' | grep -qx docker || { as_root "adding $USER_NAME to docker" usermod -aG docker "$USER_NAME"; log "added $USER_NAME to the docker group"; }
if ! as_root "reading $SUDOERS" test -f "$SUDOERS"; then
  echo "$USER_NAME ALL=(ALL) NOPASSWD:ALL" | as_root "writing $SUDOERS" tee "$SUDOERS.tmp" >/dev/null
  as_root "writing $SUDOERS" chmod 0440 "$SUDOERS.tmp"
  as_root "checking $SUDOERS" visudo -cf "$SUDOERS.tmp" >/dev/null
  as_root "writing $SUDOERS" mv "$SUDOERS.tmp" "$SUDOERS"
  log "passwordless sudo for $USER_NAME ($SUDOERS)"
fi
sudo -n -u "$USER_NAME" -H bash -c 'sudo -n true && docker version --format "{{.Server.Version}}" >/dev/null' ||
  die "$USER_NAME cannot use sudo -n and the engine"
log "user $USER_NAME: docker group, passwordless sudo"
