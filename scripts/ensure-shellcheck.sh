#!/usr/bin/env bash
# Makes sure `shellcheck` (Debian's package) is on PATH for the tests that run the real binary.
# Installs it with apt-get when missing (CI runs as root); exits non-zero with a clear message
# when it cannot.
set -euo pipefail
if command -v shellcheck >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-shellcheck: shellcheck is not on PATH and apt-get is not available to install it" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-shellcheck: shellcheck is not on PATH and installing it needs root (apt-get install -y shellcheck)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends shellcheck >&2
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "ensure-shellcheck: apt-get install shellcheck finished but shellcheck is still not on PATH" >&2
  exit 1
fi
