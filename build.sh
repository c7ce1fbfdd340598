#!/usr/bin/env bash
# Slipway bootstrap: find the .NET SDK (on PATH, or install the one global.json names into .nuke/temp/dotnet),
# rebuild the build project only when its sources changed (or its compiled files were damaged since), then run the
# compiled build directly (exec: signals such as SIGTERM reach the build itself).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
PROJECT="$ROOT/build/_build.csproj"
OUTPUT="$TEMP/build-bin"
STAMP="$TEMP/build.stamp"
FILES="$TEMP/build-bin.files"
CHECKED="$TEMP/build.checked"
DOTNET_FILE="$TEMP/build.dotnet"
LOCAL_DOTNET="$TEMP/dotnet"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The folders the build project is compiled from (those that exist), and the root files that shape its compilation.
SOURCE_FOLDERS=()
for folder in build src provision; do [[ -d "$ROOT/$folder" ]] && SOURCE_FOLDERS+=("$folder"); done
ROOT_FILES=(-name 'Directory.Build.*' -o -name 'Directory.Packages.props' -o -name 'global.json' -o -name 'NuGet.config' -o -name 'build.sh')

# A hash over the content and names of everything the build project is compiled from.
sources_stamp() {
  cd "$ROOT"
  {
    find "${SOURCE_FOLDERS[@]}" \( -name bin -o -name obj \) -prune -o \
      -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '*.sh' -o -name '*.proto' \) -print0
    find . -maxdepth 1 -type f \( "${ROOT_FILES[@]}" \) -print0
  } | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

# Whether nothing changed since the last check found the compiled build current: no source file or folder (a file
# added, removed or renamed changes its folder), root file or compiled file changed after it. Three finds instead of
# hashing every source on every run. GNU find compares status change times (no tool can set one back) with the
# marker's modification time; BSD find (macOS) would compare with the marker's status change time, which the rename
# below moves past the check, so there modification times are compared.
case "${OSTYPE:-}" in darwin* | *bsd*) CHANGED_AFTER=-newer ;; *) CHANGED_AFTER=-cnewer ;; esac
unchanged_since_check() (
  [[ -f "$CHECKED" && -f "$FILES" && -f "$OUTPUT/_build.dll" ]] || exit 1
  cd "$ROOT"
  [[ -z "$(find "${SOURCE_FOLDERS[@]}" \( -name bin -o -name obj \) -prune -o "$CHANGED_AFTER" "$CHECKED" -print -quit)" ]] &&
    [[ -z "$(find . -maxdepth 1 \( -path . -o "${ROOT_FILES[@]}" \) "$CHANGED_AFTER" "$CHECKED" -print -quit)" ]] &&
    [[ -z "$(find "$OUTPUT" "$CHANGED_AFTER" "$FILES" -print -quit)" ]]
)

# Size and name of every file of the compiled build, as recorded after compiling it: a file truncated, replaced or
# removed since (the build would fail to load, e.g. with BadImageFormatException) changes this list.
compiled_files() {
  (cd "$OUTPUT" 2>/dev/null && find . -type f -exec wc -c {} + | awk '$2 != "total" { print $1, $2 }' | LC_ALL=C sort -k2) || true
}

# The first file whose size or presence differs from the recorded list.
damaged_file() {
  { diff <(cat "$FILES") <(compiled_files) || true; } | awk '/^[<>]/ { sub("^\\./", "", $3); print $3; exit }'
}

# The .NET runtime identifier of this machine, for a ReadyToRun build of the build project.
runtime_id() {
  local os arch
  case "$(uname -s)" in Darwin) os=osx ;; *) os=linux ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=x64 ;; esac
  echo "$os-$arch"
}

# The dotnet to use: one on PATH that has the SDK global.json asks for, else a local install.
find_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && (cd "$ROOT" && dotnet --version >/dev/null 2>&1); then
    command -v dotnet
    return
  fi
  if [[ ! -x "$LOCAL_DOTNET/dotnet" ]] || ! (cd "$ROOT" && "$LOCAL_DOTNET/dotnet" --version >/dev/null 2>&1); then
    echo "Installing the .NET SDK named in global.json into .nuke/temp/dotnet ..." >&2
    mkdir -p "$TEMP"
    local script="$TEMP/dotnet-install.sh"
    curl -sSL --retry 3 -o "$script" https://dot.net/v1/dotnet-install.sh
    bash "$script" --jsonfile "$ROOT/global.json" --install-dir "$LOCAL_DOTNET" --no-path >&2
  fi
  echo "$LOCAL_DOTNET/dotnet"
}

mkdir -p "$TEMP"
dotnet_path="$(cat "$DOTNET_FILE" 2>/dev/null || true)"
if [[ -x "$dotnet_path" ]] && unchanged_since_check; then
  [[ "$dotnet_path" == "$LOCAL_DOTNET/dotnet" ]] && export DOTNET_ROOT="$LOCAL_DOTNET"
  exec "$dotnet_path" "$OUTPUT/_build.dll" "$@"
fi

# The full check. Its marker is taken before hashing: whatever changes from here on is newer than the marker.
rm -f "$CHECKED"
: >"$CHECKED.$$"
trap 'rm -f "$CHECKED.$$"' EXIT
stamp="$(sources_stamp)"
damaged=""
if [[ -f "$OUTPUT/_build.dll" && -f "$FILES" && "$(cat "$STAMP" 2>/dev/null || true)" == "$stamp" ]] \
   && [[ "$(compiled_files)" != "$(cat "$FILES")" ]]; then
  damaged="$(damaged_file)"
  damaged="${damaged:-a file}"
fi
if [[ -n "$damaged" || ! -f "$OUTPUT/_build.dll" || "$(cat "$STAMP" 2>/dev/null || true)" != "$stamp" || ! -x "$dotnet_path" ]]; then
  dotnet_path="$(find_dotnet)"
  if [[ -n "$damaged" ]]; then
    echo "The compiled build does not load ($damaged in .nuke/temp/build-bin changed after it was compiled): compiling it again ..." >&2
    rm -rf "$OUTPUT"
  else
    echo "Compiling the build project ..." >&2
  fi
  rm -f "$STAMP" "$FILES"
  # ReadyToRun code starts without JIT (a warm --help in ~0.05 s instead of ~0.13 s); a plain build is the fallback
  # where the runtime pack for this machine cannot be restored.
  if ! "$dotnet_path" publish "$PROJECT" -c Release -r "$(runtime_id)" --self-contained false -p:PublishReadyToRun=true \
       -o "$OUTPUT" -nologo -v quiet -tl:off >/dev/null 2>&1; then
    if ! log="$("$dotnet_path" build "$PROJECT" -c Release -o "$OUTPUT" -nologo -v quiet -tl:off 2>&1)"; then
      echo "$log" >&2
      echo "error: the build project does not compile" >&2
      exit 1
    fi
  fi
  echo "$dotnet_path" >"$DOTNET_FILE"
  compiled_files >"$FILES"
  echo "$stamp" >"$STAMP"
elif [[ ! -f "$FILES" ]]; then
  compiled_files >"$FILES" # compiled by an older build.sh: from now on its files are checked
fi
mv -f "$CHECKED.$$" "$CHECKED"

if [[ "$dotnet_path" == "$LOCAL_DOTNET/dotnet" ]]; then
  export DOTNET_ROOT="$LOCAL_DOTNET"
fi
exec "$dotnet_path" "$OUTPUT/_build.dll" "$@"
