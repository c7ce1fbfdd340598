#!/usr/bin/env bash
# Fetches Debian's statically linked busybox for one architecture and prints the path of the binary.
# Uses a private apt state under the cache folder: the host's dpkg architectures and apt lists stay untouched.
# Usage: fetch-busybox.sh <debian-arch: amd64|arm64|armhf> <cache-dir>
set -euo pipefail
arch=$1
cache=$2
binary="$cache/$arch/bin/busybox"
if [[ -x $binary ]]; then
  echo "$binary"
  exit 0
fi
command -v apt-get >/dev/null || { echo "apt-get is needed to fetch busybox-static:$arch" >&2; exit 1; }
state="$cache/apt"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$cache/$arch"
apt_opts=(-q -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch"
  -o "Dir::State::Lists=$state/lists-$arch" -o "Dir::Cache=$state/cache" -o Debug::NoLocking=1
  -o APT::Sandbox::User=root)
mkdir -p "$state/lists-$arch/partial"
apt-get "${apt_opts[@]}" update >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get "${apt_opts[@]}" download "busybox-static:$arch" >&2)
dpkg-deb -x "$work"/busybox-static_*.deb "$work/root"
mkdir -p "$cache/$arch/bin"
cp "$work/root/bin/busybox" "$binary.tmp"
chmod 755 "$binary.tmp"
mv "$binary.tmp" "$binary"
echo "$binary"
