# Sourced by the provisioning scripts: how they run a command that needs root. As root: directly. Otherwise with
# `sudo -n` where passwordless sudo works (a GitHub-hosted runner, a CI user), said once in the log. Otherwise the
# script stops with one line naming the command to run (and, for QEMU, the container way). Debian and Ubuntu alike.
# The sourcing script defines log() and die().

can_become_root() { [[ $(id -u) -eq 0 ]] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; }

# as_root "<what it is for>" command args...
as_root() {
  local why=$1
  shift
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
    return
  fi
  if can_become_root; then
    if [[ -z ${AS_ROOT_SAID:-} ]]; then
      log "not root: using sudo -n (passwordless sudo works for $(id -un))"
      AS_ROOT_SAID=1
    fi
    sudo -n "$@"
    return
  fi
  die "$why needs root, and sudo -n does not work for $(id -un): run  sudo $*  (or rerun as root)${AS_ROOT_HINT:+; $AS_ROOT_HINT}"
}

# Checks up front that root can be had, so the error names the whole command instead of its first step.
# require_root "<what it is for>" "<the command to run instead>"
require_root() {
  can_become_root || die "$1 needs root, and sudo -n does not work for $(id -un): run  $2${AS_ROOT_HINT:+; $AS_ROOT_HINT}"
}
