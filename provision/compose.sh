#!/usr/bin/env bash
# Makes Compose v2 available to the docker CLI (`docker compose`), for `./build.sh Up/Watch/Down` and their tests.
# Idempotent: a Compose v2 the CLI already finds (plugin or docker-compose v2 on PATH) is kept. Otherwise it installs
# Debian's own package: bookworm has no Compose v2, trixie's docker-compose (2.26) is taken from the same Debian archive
# through a private apt configuration (its own sources list, lists and cache under a temp folder), so trixie never
# enters the host's apt sources or package set. apt checks the signed Release as always; the .deb is unpacked into
# $COMPOSE_DIR and its binary linked as the CLI plugin /usr/local/lib/docker/cli-plugins/docker-compose.
# Never downloads anything but Debian's archive. Runs as root, or as a user with passwordless sudo (see as-root.sh).
# Ends with one machine-readable line on stdout:  COMPOSE <version> <how it is run>
set -euo pipefail

SUITE=trixie
PACKAGE=docker-compose
COMPOSE_DIR=/opt/slipway/compose
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

# "2.26.1" from `docker compose version --short` or `docker-compose version --short`; empty when there is none.
version_of() { "$@" version --short 2>/dev/null | sed 's/^v//' || true; }

report() { # version how
  log "Compose $1 ($2)"
  echo "COMPOSE $1 $2"
  exit 0
}

plugin=$(version_of docker compose)
[[ $plugin == 2.* ]] && report "$plugin" "docker compose"
if command -v docker-compose >/dev/null; then
  standalone=$(version_of docker-compose)
  [[ $standalone == 2.* ]] && report "$standalone" "docker-compose"
  log "docker-compose ${standalone:-of unknown version} is Compose v1, which Slipway does not support: installing Compose v2 as the CLI plugin beside it"
fi

[[ -r /etc/debian_version ]] && command -v apt-get >/dev/null ||
  die "no Compose v2 and this is not Debian or Ubuntu: install the docker compose plugin (Compose v2) with your distribution's tools"
[[ -r $KEYRING ]] || die "$KEYRING is missing (package debian-archive-keyring): it is what proves the $SUITE package came from Debian"
require_root "installing Compose v2 from Debian $SUITE" "sudo $0"

work=$(mktemp -d)
chmod 755 "$work" # apt downloads as _apt
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc/preferences.d" "$work/etc/sources.list.d" "$work/debs"
echo "deb [signed-by=$KEYRING] http://deb.debian.org/debian $SUITE main" >"$work/etc/sources.list"
# Only this private configuration: no host sources, no host preferences, and a signature apt must check.
APT_PRIVATE=(-o "Dir::Etc::SourceList=$work/etc/sources.list" -o "Dir::Etc::SourceParts=$work/etc/sources.list.d"
  -o "Dir::Etc::PreferencesParts=$work/etc/preferences.d" -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
  -o "Acquire::AllowInsecureRepositories=false" -o "Acquire::Languages=none" -o "APT::Get::AllowUnauthenticated=false")
log "fetching Debian $SUITE's $PACKAGE with a private apt configuration (the host's sources stay as they are)"
as_root "fetching $PACKAGE" apt-get "${APT_PRIVATE[@]}" update -qq
[[ -n $(find "$work/lists" -name "*_dists_${SUITE}_InRelease" -size +0) ]] || die "apt fetched no signed InRelease for $SUITE"
(cd "$work/debs" && as_root "fetching $PACKAGE" apt-get "${APT_PRIVATE[@]}" download -qq "$PACKAGE")
deb=$(find "$work/debs" -name "${PACKAGE}_*.deb" | head -n 1)
[[ -n $deb ]] || die "apt-get download left no $PACKAGE .deb"
version=$(dpkg-deb -f "$deb" Version)

as_root "installing Compose v2" rm -rf "$COMPOSE_DIR.partial"
as_root "installing Compose v2" mkdir -p "$COMPOSE_DIR.partial" "$PLUGIN_DIR"
as_root "installing Compose v2" dpkg-deb -x "$deb" "$COMPOSE_DIR.partial"
binary=$(find "$COMPOSE_DIR.partial" -path '*/cli-plugins/docker-compose' -type f | head -n 1)
[[ -n $binary ]] || binary=$(find "$COMPOSE_DIR.partial" -path '*/bin/docker-compose' -type f | head -n 1)
[[ -n $binary ]] || die "$PACKAGE $version holds no docker-compose binary"
as_root "installing Compose v2" rm -rf "$COMPOSE_DIR"
as_root "installing Compose v2" mv "$COMPOSE_DIR.partial" "$COMPOSE_DIR"
as_root "installing Compose v2" ln -sfn "${binary/#$COMPOSE_DIR.partial/$COMPOSE_DIR}" "$PLUGIN_DIR/docker-compose"
log "installed $PACKAGE $version from Debian $SUITE into $COMPOSE_DIR, linked as $PLUGIN_DIR/docker-compose"

plugin=$(version_of docker compose)
[[ $plugin == 2.* ]] || die "the docker CLI does not find the plugin at $PLUGIN_DIR/docker-compose (docker compose version said: ${plugin:-nothing})"
report "$plugin" "docker compose"
