#!/usr/bin/env bash
# Slipway bootstrap: find the .NET SDK (on PATH, or install the one global.json names into .nuke/temp/dotnet),
# rebuild the build project only when its sources changed (or its compiled files were damaged since), then run the
# compiled build: through this checkout's build server when one answers (README, "The build server"), else directly
# (exec: signals such as SIGTERM reach the build itself).
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

# The build server: a warm build process, started in the background by a run that found none and handed the next
# runs, for as long as the compiled build, this directory and the environment stay the same (they name its file; the
# shell's own _, SHLVL and OLDPWD aside).
# SLIPWAY_BUILD_SERVER=1 always uses one, =0 never; unset, a run at a terminal does, and a run on CI does not.
SERVER_DIR="$TEMP/build-server"
SERVER_ANSWERED=""

server_wanted() {
  case "${SLIPWAY_BUILD_SERVER:-}" in
    1) return 0 ;;
    0) return 1 ;;
  esac
  [[ -z "${CI:-}" && -z "${GITHUB_ACTIONS:-}" ]] && { [[ -t 0 ]] || [[ -t 1 ]]; }
}

server_file() {
  local key
  key="$( { printf '%s\n' "$dotnet_path" "$PWD"; cat "$STAMP" 2>/dev/null; export -p | grep -Ev '^declare -x (_|SHLVL|OLDPWD)='; } | sha256sum)"
  echo "$SERVER_DIR/${key:0:16}.server"
}

start_server() {
  local launcher=()
  mkdir -p "$SERVER_DIR"
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  command -v nice >/dev/null 2>&1 && launcher+=(nice -n 10)
  ${launcher[@]+"${launcher[@]}"} "$dotnet_path" "$OUTPUT/_build.dll" --slipway-build-server "$1" </dev/null >"${1%.server}.log" 2>&1 &
}

# HMAC-SHA256 (RFC 2104) of the text $2 under the key $1 (hex, at most 64 bytes), in hex. Built from sha256sum, which
# this script needs anyway, rather than openssl, which minimal Debian and Ubuntu images lack: one way on every machine.
hmac_sha256() {
  local key=$1 inner="" outer="" digest="" byte i
  for ((i = 0; i < 128; i += 2)); do
    byte=0
    if ((i < ${#key})); then byte=$((16#${key:i:2})); fi
    printf -v inner '%s\\x%02x' "$inner" $((byte ^ 0x36))
    printf -v outer '%s\\x%02x' "$outer" $((byte ^ 0x5c))
  done
  digest="$( { printf '%b' "$inner"; printf '%s' "$2"; } | sha256sum)"
  for ((i = 0; i < 64; i += 2)); do outer+="\\x${digest:i:2}"; done
  digest="$(printf '%b' "$outer" | sha256sum)"
  echo "${digest%% *}"
}

# Sends NUL-ended fields to the server on fd 3; fails, instead of ending this script by SIGPIPE, once it has closed.
send_fields() {
  local sent=0
  trap '' PIPE
  printf '%s\0' "$@" >&3 2>/dev/null || sent=$?
  trap - PIPE
  return "$sent"
}

# Removes the server file $1 that named a server which is not there or cannot prove itself (unless another server
# has written it since): no later run talks to that port, and this run starts a server in its place.
forget_server() {
  [[ "$(cat "$1" 2>/dev/null)" != "$2" ]] || rm -f "$1"
}

# Hands the run to the server named in $1 (arguments after it); sets SERVER_ANSWERED once the server took it, then
# returns the run's exit code. The server first proves itself: it answers a fresh random challenge with the keyed hash
# that only the key in its file gives; the token and the arguments are sent only after that. Ctrl-C and SIGTERM are
# passed on as a cancel, and the output is read to its end.
run_on_server() {
  local file=$1 line port token key pid challenge proof id reader code terminal=0 size="0 0"
  shift
  IFS= read -r line <"$file" 2>/dev/null || return 0
  read -r port token key pid <<<"$line"
  if [[ ! "$key" =~ ^[0-9a-f]{64}$ ]] || ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    forget_server "$file" "$line"
    return 0
  fi
  challenge="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  if ! send_fields "$challenge" || ! IFS= read -r -t 5 proof <&3 || [[ "$proof" != "$(hmac_sha256 "$key" "$challenge")" ]]; then
    exec 3>&-
    forget_server "$file" "$line"
    return 0
  fi
  if [[ -t 1 ]]; then
    terminal=1
    size="$(stty size </dev/tty 2>/dev/null || echo 0 0)"
  fi
  id="$$-$RANDOM$RANDOM"
  SERVER_ANSWERED=1
  send_fields "$token" "$id" "$terminal" "${size#* }" "${size% *}" "$#" "$@" || true
  cat <&3 &
  reader=$!
  trap 'send_fields cancel || true' INT TERM
  while kill -0 "$reader" 2>/dev/null; do wait "$reader" || true; done
  trap - INT TERM
  # cat stops early only when the output went away (| head): the rest is read and dropped, so the run can end
  [[ -f "$SERVER_DIR/$id.exit" ]] || cat <&3 >/dev/null 2>&1 || true
  exec 3>&-
  if [[ ! -f "$SERVER_DIR/$id.exit" ]]; then
    echo "error: the build server ended the run without an exit code (its log: ${file%.server}.log)" >&2
    return 1
  fi
  code="$(<"$SERVER_DIR/$id.exit")"
  rm -f "$SERVER_DIR/$id.exit"
  return "$code"
}

# Runs the compiled build: on this checkout's build server when it answers; else here, starting a server for the
# next run when one is wanted.
run_build() {
  local file status=0
  [[ "$dotnet_path" == "$LOCAL_DOTNET/dotnet" ]] && export DOTNET_ROOT="$LOCAL_DOTNET"
  if server_wanted; then
    file="$(server_file)"
    if [[ -f "$file" ]]; then
      run_on_server "$file" "$@" || status=$?
      [[ -n "$SERVER_ANSWERED" ]] && exit "$status"
    fi
    start_server "$file"
  fi
  exec "$dotnet_path" "$OUTPUT/_build.dll" "$@"
}

mkdir -p "$TEMP"
dotnet_path="$(cat "$DOTNET_FILE" 2>/dev/null || true)"
if [[ -x "$dotnet_path" ]] && unchanged_since_check; then
  run_build "$@"
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
  # The SDK leaves two empty folders in the temporary directory on each publish (dotnet/sdk#35353): it gets one of its
  # own, removed after it, and keeps no MSBuild node that would hold on to that folder.
  compile_temp="$(mktemp -d "${TMPDIR:-/tmp}/slipway-dotnet-XXXXXX")"
  trap 'rm -f "$CHECKED.$$"; rm -rf "$compile_temp"' EXIT
  # ReadyToRun code starts without JIT (a warm --help in ~0.05 s instead of ~0.13 s); a plain build is the fallback
  # where the runtime pack for this machine cannot be restored.
  if ! TMPDIR="$compile_temp" MSBUILDDISABLENODEREUSE=1 "$dotnet_path" publish "$PROJECT" -c Release -r "$(runtime_id)" \
       --self-contained false -p:PublishReadyToRun=true -o "$OUTPUT" -nologo -v quiet -tl:off >/dev/null 2>&1; then
    if ! log="$(TMPDIR="$compile_temp" MSBUILDDISABLENODEREUSE=1 "$dotnet_path" build "$PROJECT" -c Release -o "$OUTPUT" -nologo -v quiet -tl:off 2>&1)"; then
      echo "$log" >&2
      echo "error: the build project does not compile" >&2
      exit 1
    fi
  fi
  rm -rf "$compile_temp"
  echo "$dotnet_path" >"$DOTNET_FILE"
  compiled_files >"$FILES"
  echo "$stamp" >"$STAMP"
elif [[ ! -f "$FILES" ]]; then
  compiled_files >"$FILES" # compiled by an older build.sh: from now on its files are checked
fi
mv -f "$CHECKED.$$" "$CHECKED"
trap - EXIT
run_build "$@"
