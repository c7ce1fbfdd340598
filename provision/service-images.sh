#!/usr/bin/env bash
# Builds local stand-ins for the service images the Compose tests run beside the app (no registry can be reached
# there): postgres and redis from Debian bookworm's own packages with mmdebstrap, amd64 only, tagged under the official
# names the tests' docker-compose.yml uses. Like provision/base-images.sh, each rootfs tarball is kept in $CACHE_DIR by
# the hash of its recipe, so a fresh engine imports it in seconds. An image of that name the engine already has and
# that is not a stand-in (the official one) is left alone.
#   postgres:15-bookworm  postgresql-15; POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB as in the official image; port 5432
#   redis:7-bookworm      redis-server listening on every address, no protected mode; port 6379
# Ends with one machine-readable line per image on stdout:  SERVICE <name> <tag>
set -euo pipefail

SCRIPT_VERSION=1
CACHE_DIR=${SLIPWAY_SERVICE_CACHE:-/var/cache/slipway/service-images}
MIRROR="deb http://deb.debian.org/debian bookworm main"
STAND_IN_LABEL=io.slipway.stand-in

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

# The official image's entrypoint in brief: a first start initialises the cluster from the environment.
read -r -d '' POSTGRES_ENTRYPOINT <<'SH' || true
#!/bin/sh
set -e
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
bin=/usr/lib/postgresql/15/bin
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "${POSTGRES_PASSWORD:-postgres}" >/tmp/pwfile
  "$bin/initdb" -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f /tmp/pwfile
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ -n "$POSTGRES_DB" ] && [ "$POSTGRES_DB" != "${POSTGRES_USER:-postgres}" ]; then
    "$bin/postgres" --single -D "$PGDATA" -j postgres <<SQL >/dev/null
CREATE DATABASE "$POSTGRES_DB";
SQL
  fi
fi
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp "$@"
SH

# name -> tag, packages, the image's start and user
recipe() {
  case $1 in
    postgres) TAG=postgres:15-bookworm PACKAGES=(postgresql-15) USER_NAME=postgres PORT=5432
      CMD='["/usr/local/bin/docker-entrypoint.sh"]' ;;
    redis) TAG=redis:7-bookworm PACKAGES=(redis-server) USER_NAME=redis PORT=6379
      CMD='["redis-server","--bind","0.0.0.0","--protected-mode","no","--dir","/tmp"]' ;;
  esac
  HASH=$(printf '%s\n' "$SCRIPT_VERSION" "$1" "${PACKAGES[@]}" "$MIRROR" "$CMD" "$POSTGRES_ENTRYPOINT" "$(declare -f bootstrap)" | sha256sum | cut -c1-12)
}

bootstrap() { # name tarball
  local hooks=(--customize-hook='rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/locale/*')
  if [[ $1 == postgres ]]; then
    hooks+=(--customize-hook="printf '%s\n' \"\$POSTGRES_ENTRYPOINT\" >\"\$1/usr/local/bin/docker-entrypoint.sh\"; chmod 755 \"\$1/usr/local/bin/docker-entrypoint.sh\""
      # JIT only: libLLVM is most of the size, and postgres runs without it (jit is off when llvmjit.so is absent)
      --customize-hook='rm -f "$1"/usr/lib/x86_64-linux-gnu/libLLVM* "$1"/usr/lib/postgresql/15/lib/llvmjit*; rm -rf "$1"/usr/lib/postgresql/15/lib/bitcode'
      --customize-hook='mkdir -p "$1/var/lib/postgresql/data"; chroot "$1" chown postgres:postgres /var/lib/postgresql/data; chmod 700 "$1/var/lib/postgresql/data"')
  fi
  log "bootstrapping the $1 stand-in with mmdebstrap (a minute)"
  POSTGRES_ENTRYPOINT=$POSTGRES_ENTRYPOINT mmdebstrap --quiet --variant=essential --architectures=amd64 \
    --include="$(IFS=,; echo "${PACKAGES[*]}")" --aptopt='Acquire::Languages "none"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr "${hooks[@]}" bookworm "$2.partial.tar" "$MIRROR"
  mv "$2.partial.tar" "$2"
  find "$CACHE_DIR" -maxdepth 1 -name "$1-*.tar" ! -path "$2" -print -delete | sed 's/^/[provision] removed stale /' >&2
}

ensure_image() { # name
  recipe "$1"
  local tarball="$CACHE_DIR/$1-amd64-$HASH.tar" present
  exec 9>"$CACHE_DIR/$1.lock"
  flock 9
  present=$(docker image inspect -f "{{index .Config.Labels \"$STAND_IN_LABEL\"}}" "$TAG" 2>/dev/null || echo absent)
  old=$(docker image inspect -f '{{.Id}}' "$TAG" 2>/dev/null || true)
  if [[ $present == "$HASH" ]]; then
    log "$TAG present in the engine: skipped"
  elif [[ $present == "" || $present == "<no value>" ]]; then
    log "$TAG is in the engine and is not a Slipway stand-in: left as it is"
  else
    [[ -s $tarball ]] && log "$TAG: importing cached $tarball" || bootstrap "$1" "$tarball"
    docker import --change "CMD $CMD" --change "USER $USER_NAME" --change "EXPOSE $PORT" \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8" \
      --change "LABEL $STAND_IN_LABEL=$HASH org.opencontainers.image.description=\"Slipway local stand-in for $1 (Debian bookworm)\"" \
      "$tarball" "$TAG" >/dev/null
    [[ $present == absent ]] || docker image rm "$old" >/dev/null 2>&1 || true # the earlier stand-in, unless in use
    log "$TAG imported ($(docker image inspect -f '{{.Size}}' "$TAG") bytes)"
  fi
  exec 9>&-
  echo "SERVICE $1 $TAG"
}

if [[ $(id -u) -ne 0 ]]; then
  require_root "building stand-in service images (mmdebstrap)" "sudo $0 $*"
  as_root "building stand-in service images (mmdebstrap)" env DOCKER_HOST="${DOCKER_HOST:-}" SLIPWAY_SERVICE_CACHE="$CACHE_DIR" \
    bash "${BASH_SOURCE[0]}" "$@"
  exit
fi
[[ $(uname -m) == x86_64 ]] || die "the stand-in service images are amd64 only"
docker version >/dev/null 2>&1 || die "no Docker engine answers: run provision/engine.sh first"
command -v mmdebstrap >/dev/null || die "mmdebstrap is missing: run provision/base-images.sh first (it installs it)"
mkdir -p "$CACHE_DIR"
NAMES=("$@")
((${#NAMES[@]})) || NAMES=(postgres redis)
for name in "${NAMES[@]}"; do ensure_image "$name"; done
