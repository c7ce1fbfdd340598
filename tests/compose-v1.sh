#!/usr/bin/env bash
# The real Compose v1 for the test that Slipway refuses it: Debian's own docker-compose 1.29 package and the Python
# packages it imports, fetched from the machine's apt sources with `apt-get download` and unpacked with `dpkg -x`
# under $COMPOSE_V1_DIR (nothing is installed: bookworm's v1 would conflict with the Compose v2 the other tests use).
# $COMPOSE_V1_DIR/bin/docker-compose runs it with the system's /usr/bin/python3. No PyPI, no other download.
# Idempotent. Ends with one machine-readable line on stdout:  COMPOSE_V1 <version> <program>
set -euo pipefail

COMPOSE_V1_DIR=${COMPOSE_V1_DIR:-/var/cache/slipway/compose-v1}
PACKAGES=(docker-compose python3-attr python3-cached-property python3-certifi python3-chardet python3-charset-normalizer
  python3-distro python3-docker python3-dockerpty python3-docopt python3-dotenv python3-idna python3-jsonschema
  python3-pyrsistent python3-requests python3-six python3-texttable python3-urllib3 python3-websocket python3-yaml)

log() { echo "[compose-v1] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=../provision/as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/../provision/as-root.sh"

program=$COMPOSE_V1_DIR/bin/docker-compose
version_of() { "$program" version --short 2>/dev/null || true; }

if [[ -x $program && $(version_of) == 1.* ]]; then
  echo "COMPOSE_V1 $(version_of) $program"
  exit 0
fi
command -v apt-get >/dev/null && command -v dpkg >/dev/null || die "the Compose v1 stand-in needs apt-get and dpkg (Debian or Ubuntu)"
[[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 is missing: Debian's docker-compose 1.29 runs on it"
candidate=$(apt-cache policy docker-compose | awk '/Candidate:/ {print $2}')
[[ $candidate == 1.* ]] || die "apt's docker-compose is ${candidate:-not there}, not Compose v1"

work=$(mktemp -d)
chmod 755 "$work" # apt downloads as _apt
trap 'rm -rf "$work"' EXIT
log "fetching docker-compose $candidate and the Python packages it imports with apt-get download"
(cd "$work" && apt-get download -qq "${PACKAGES[@]}" 2>/dev/null) || die "apt-get download ${PACKAGES[*]} failed"
mkdir -p "$work/root/bin"
for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/root"; done
cat >"$work/root/bin/docker-compose" <<WRAPPER
#!/bin/sh
# Debian's docker-compose $candidate unpacked here by tests/compose-v1.sh, on the system's Python.
PYTHONPATH=$COMPOSE_V1_DIR/usr/lib/python3/dist-packages PYTHONWARNINGS=ignore exec /usr/bin/python3 $COMPOSE_V1_DIR/usr/bin/docker-compose "\$@"
WRAPPER
chmod 755 "$work/root/bin/docker-compose"
as_root "unpacking Compose v1 under $COMPOSE_V1_DIR" mkdir -p "$(dirname "$COMPOSE_V1_DIR")"
as_root "unpacking Compose v1 under $COMPOSE_V1_DIR" rm -rf "$COMPOSE_V1_DIR"
as_root "unpacking Compose v1 under $COMPOSE_V1_DIR" cp -a "$work/root" "$COMPOSE_V1_DIR"
[[ $(version_of) == 1.* ]] || die "$program does not run: $("$program" version --short 2>&1 | tail -n 1)"
log "Compose v1 $(version_of) at $program"
echo "COMPOSE_V1 $(version_of) $program"
