#!/usr/bin/env bash
# Builds local stand-ins for the two base images the Dockerfiles use, from Debian bookworm
# packages (Debian's python3.11) with mmdebstrap, so images can be built with no container registry:
#   builder: like python:3.11-bookworm (compilers, headers, portaudio19-dev)
#   runtime: like python:3.11-slim-bookworm (python3 with venv, libportaudio2, useradd; no docs/man/locales)
# On the host platform each is also tagged under the official names it stands in for (OFFICIAL_NAMES), so a Dockerfile
# with a literal FROM python:3.11-slim-bookworm builds here as written, with Slipway or a plain docker build. All of
# them carry Debian bookworm's Python 3.11, the python:3.12* names too. An official image already in the engine is
# never overwritten. (One tag holds one platform in the classic image store: Slipway maps the names to the other
# platform's stand-in itself.)
# Each image is tagged per architecture and recipe hash, and its rootfs tarball is kept in $CACHE_DIR,
# so a fresh engine re-imports it in seconds instead of bootstrapping again.
# Usage: provision/base-images.sh [linux/amd64|linux/arm64 ...]    (default: the host platform)
# Ends with one machine-readable line per image on stdout:  BASE <builder|runtime> <platform> <tag>
# mmdebstrap needs root: run as a user with passwordless sudo, the script runs itself again with sudo -n.
set -euo pipefail

# Bump when the recipe changes in a way the package lists below do not show.
SCRIPT_VERSION=2
CACHE_DIR=${SLIPWAY_BASE_CACHE:-/var/cache/slipway/base-images}
MIRRORS=(
  "deb http://deb.debian.org/debian bookworm main"
  "deb http://deb.debian.org/debian bookworm-updates main"
  "deb http://deb.debian.org/debian-security bookworm-security main"
)
# Written to /etc/dpkg/dpkg.cfg.d/ too, so later apt-get installs in the images stay slim as well.
DPKG_OPTS=(
  'path-exclude=/usr/share/doc/*'
  'path-include=/usr/share/doc/*/copyright'
  'path-exclude=/usr/share/man/*'
  'path-exclude=/usr/share/info/*'
  'path-exclude=/usr/share/locale/*'
  'path-exclude=/usr/share/lintian/*'
)
BUILDER_PACKAGES=(python3 python3-dev python3-venv python3-pip-whl python3-setuptools-whl python3-wheel-whl
  build-essential pkg-config portaudio19-dev ca-certificates)
# passwd: useradd, and python3-venv: python -m venv with pip, as in the official slim image
RUNTIME_PACKAGES=(python3 python3-venv libportaudio2 passwd)
# Keep in step with StandInBaseImages.OfficialNames (a test checks they agree).
OFFICIAL_NAMES=(
  builder=python:3.11-bookworm builder=python:3.12-bookworm builder=python:3.11 builder=python:3.12
  runtime=python:3.11-slim-bookworm runtime=python:3.12-slim-bookworm runtime=python:3.11-slim runtime=python:3.12-slim
)

STAND_IN_TOOLS=(mmdebstrap debootstrap arch-test)

log() { echo "[provision] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

debian_arch() {
  case $1 in
    linux/amd64) echo amd64 ;;
    linux/arm64 | linux/arm64/v8) echo arm64 ;;
    *) die "unsupported platform '$1' (use linux/amd64 or linux/arm64)" ;;
  esac
}

host_platform() {
  case $(uname -m) in
    x86_64) echo linux/amd64 ;;
    aarch64 | arm64) echo linux/arm64 ;;
    *) die "unsupported host machine $(uname -m)" ;;
  esac
}

# kind -> variant, image repository, tag prefix, package list
recipe() {
  case $1 in
    builder) VARIANT=apt REPO=slipway-base/python-builder PREFIX=3.11-bookworm PACKAGES=("${BUILDER_PACKAGES[@]}") ;;
    runtime) VARIANT=essential REPO=slipway-base/python-runtime PREFIX=3.11-slim-bookworm PACKAGES=("${RUNTIME_PACKAGES[@]}") ;;
  esac
  HASH=$(printf '%s\n' "$SCRIPT_VERSION" "$1" "$VARIANT" "${PACKAGES[@]}" "${DPKG_OPTS[@]}" "${MIRRORS[@]}" |
    sha256sum | cut -c1-12)
}

bootstrap() { # kind arch tarball
  local args=(--variant="$VARIANT" --architectures="$2" --include="$(IFS=,; echo "${PACKAGES[*]}")"
    --aptopt='Acquire::Languages "none"'
    # merged /usr the debootstrap way (usr-is-merged): the usrmerge package would drag in ~45 MB of perl
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
    --customize-hook='ln -sf /usr/bin/python3 "$1/usr/local/bin/python"')
  local opt
  for opt in "${DPKG_OPTS[@]}"; do args+=(--dpkgopt="$opt"); done
  log "bootstrapping $1 base for $2 with mmdebstrap (minutes; arm64 runs under QEMU)"
  mmdebstrap --quiet "${args[@]}" bookworm "$3.partial.tar" "${MIRRORS[@]}"
  mv "$3.partial.tar" "$3"
  find "$CACHE_DIR" -maxdepth 1 -name "$1-$2-*.tar" ! -path "$3" -print -delete | sed 's/^/[provision] removed stale /' >&2
}

# docker 20.10 `import --platform` ignores the platform, so the image is loaded as a
# hand-made `docker save` archive whose config names the architecture.
load() { # tarball tag arch kind
  local diff_id created variant="" stage
  diff_id=$(sha256sum <"$1" | cut -d' ' -f1)
  created=$(date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ)
  [[ $3 == arm64 ]] && variant=',"variant":"v8"'
  stage=$(mktemp -d "$CACHE_DIR/.load.XXXXXX")
  ln "$1" "$stage/layer.tar" 2>/dev/null || cp "$1" "$stage/layer.tar"
  cat >"$stage/config.json" <<JSON
{"architecture":"$3","os":"linux"$variant,"created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8"],
  "Cmd":["python3"],
  "Labels":{"org.opencontainers.image.description":"Slipway local stand-in $4 base (Debian bookworm python3.11)",
   "io.slipway.base.hash":"$HASH"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"provision/base-images.sh v$SCRIPT_VERSION (mmdebstrap)"}]}
JSON
  printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$2" >"$stage/manifest.json"
  tar -C "$stage" -cf - manifest.json config.json layer.tar | docker load >&2
  rm -rf "$stage"
}

# One image's architecture, tag and cached tarball (arch, tag, tarball in the caller's locals), with its lock held on
# fd 9: concurrent runs for one image wait for each other instead of writing the same tarball.
lock_image() { # kind platform
  arch=$(debian_arch "$2")
  recipe "$1"
  tag="$REPO:$PREFIX-$arch-$HASH"
  tarball="$CACHE_DIR/$1-$arch-$HASH.tar"
  exec 9>"$CACHE_DIR/$1-$arch.lock"
  flock 9
}

# The rootfs tarball of one image, bootstrapped unless the engine has the image or the cache has the tarball.
ensure_tarball() { # kind platform
  local arch tag tarball
  lock_image "$1" "$2"
  docker image inspect "$tag" >/dev/null 2>&1 || [[ -s $tarball ]] || bootstrap "$1" "$arch" "$tarball"
  exec 9>&-
}

# Every missing tarball at once: each mmdebstrap runs on one core (under QEMU for a foreign architecture), so two
# cores make the four images in about the time of the slowest two instead of the sum of all four.
ensure_tarballs() {
  local platform kind pids=() failed=0 pid
  for platform in "${PLATFORMS[@]}"; do
    for kind in builder runtime; do
      ensure_tarball "$kind" "$platform" &
      pids+=($!)
    done
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  ((failed == 0)) || die "a stand-in base image could not be bootstrapped (its mmdebstrap output is above)"
}

ensure_image() { # kind platform
  local arch tag tarball
  lock_image "$1" "$2"
  if docker image inspect "$tag" >/dev/null 2>&1; then
    log "$tag present in the engine: skipped"
  else
    [[ -s $tarball ]] || bootstrap "$1" "$arch" "$tarball"
    log "$tag: importing $tarball"
    load "$tarball" "$tag" "$arch" "$1"
    log "$tag loaded ($(docker image inspect -f '{{.Os}}/{{.Architecture}}, {{.Size}} bytes' "$tag"))"
  fi
  exec 9>&-
  RESULTS+=("BASE $1 $2 $tag")
  [[ $arch == "$HOST_ARCH" ]] && tag_official_names "$1" "$tag"
  return 0
}

tag_official_names() { # kind tag
  local entry name
  for entry in "${OFFICIAL_NAMES[@]}"; do
    [[ ${entry%%=*} == "$1" ]] || continue
    name=${entry#*=}
    if docker image inspect "$name" >/dev/null 2>&1 &&
      [[ -z $(docker image inspect -f '{{index .Config.Labels "io.slipway.base.hash"}}' "$name") ]]; then
      log "$name is an official image in the engine: not tagged as a stand-in"
    else
      docker tag "$2" "$name"
    fi
  done
  log "$2 also tagged as the names it stands in for: $(printf '%s\n' "${OFFICIAL_NAMES[@]}" | sed -n "s/^$1=//p" | tr '\n' ' ')"
}

if [[ $(id -u) -ne 0 ]]; then
  require_root "building stand-in base images (mmdebstrap)" "sudo $0 $*"
  # The whole script as root: mmdebstrap creates files owned by root, and the cache is root's.
  as_root "building stand-in base images (mmdebstrap)" env DOCKER_HOST="${DOCKER_HOST:-}" SLIPWAY_BASE_CACHE="$CACHE_DIR" \
    bash "${BASH_SOURCE[0]}" "$@"
  exit
fi
docker version >/dev/null 2>&1 || die "no Docker engine answers: run provision/engine.sh first"
if ! command -v mmdebstrap >/dev/null; then
  [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null || die "mmdebstrap is missing and this is not a Debian or Ubuntu system"
  log "installing ${STAND_IN_TOOLS[*]} (stand-in base images are built with mmdebstrap)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${STAND_IN_TOOLS[@]}" >/dev/null
fi
mkdir -p "$CACHE_DIR"

PLATFORMS=("$@")
((${#PLATFORMS[@]})) || PLATFORMS=("$(host_platform)")
HOST_ARCH=$(debian_arch "$(host_platform)")
for platform in "${PLATFORMS[@]}"; do
  arch=$(debian_arch "$platform")
  qemu=qemu-$([[ $arch == arm64 ]] && echo aarch64 || echo x86_64)
  if [[ $arch != "$HOST_ARCH" && ! -e /proc/sys/fs/binfmt_misc/$qemu ]]; then
    die "$platform needs the $qemu binfmt handler: run provision/engine.sh first"
  fi
done

ensure_tarballs
RESULTS=()
for platform in "${PLATFORMS[@]}"; do
  ensure_image builder "$platform"
  ensure_image runtime "$platform"
done
printf '%s\n' "${RESULTS[@]}"
