#!/usr/bin/env bash
# Makes sure a Docker engine answers `docker info`, /bin/busybox is a static busybox (the runtime
# tests copy it into FROM-scratch images) and Compose is there. Installs docker.io, busybox-static
# and docker-compose from Debian when missing, starts dockerd in the background and waits for it.
# Idempotent; exits non-zero with a clear message when the engine cannot be had.
#   SHIPSHAPE_DOCKERD_LOG   dockerd's log (default /tmp/shipshape-dockerd.log)
#   SHIPSHAPE_DOCKERD_WAIT  seconds to wait for `docker info` (default 60)
set -euo pipefail
LOG=${SHIPSHAPE_DOCKERD_LOG:-/tmp/shipshape-dockerd.log}
WAIT=${SHIPSHAPE_DOCKERD_WAIT:-60}
say() { echo "docker-engine: $*" >&2; }
fail() { say "$*"; exit 1; }

static_busybox() { [ -x /bin/busybox ] && dpkg -s busybox-static >/dev/null 2>&1; }

has_compose() { docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; }
if docker info >/dev/null 2>&1 && static_busybox && has_compose; then say "engine ready"; exit 0; fi

# one installer/starter at a time (two test runs may start together)
if command -v flock >/dev/null 2>&1 && [ -z "${SHIPSHAPE_ENGINE_LOCKED:-}" ]; then
  export SHIPSHAPE_ENGINE_LOCKED=1
  exec flock -w 600 /tmp/shipshape-docker-engine.lock bash "$0" "$@"
fi

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v docker >/dev/null 2>&1 || need+=(docker.io)
static_busybox || need+=(busybox-static)
# Compose: the v2 plugin when the docker CLI has it, else Debian's docker-compose
has_compose || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "needs root to install ${need[*]} (or install them yourself)"
  command -v apt-get >/dev/null 2>&1 || fail "no apt-get: install ${need[*]} by hand"
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || fail "apt-get update failed"
  # policy-rc.d-less installs try to start the service and may complain; the install itself is what counts
  apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${need[@]}" | sort -u) >/dev/null \
    || fail "apt-get install ${need[*]} failed"
fi
static_busybox || fail "/bin/busybox is not the static busybox (install busybox-static)"

if ! docker info >/dev/null 2>&1; then
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "the Docker daemon is not running and only root can start it here"
    say "starting dockerd (log: $LOG)"
    setsid dockerd >"$LOG" 2>&1 < /dev/null &
  fi
  for ((i = 0; i < WAIT * 2; i++)); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    tail -n 20 "$LOG" >&2 2>/dev/null || true
    fail "the Docker daemon did not answer within ${WAIT}s (see $LOG)"
  fi
fi
say "engine ready ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"
