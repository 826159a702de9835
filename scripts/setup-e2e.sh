#!/usr/bin/env bash
# Installs what the end-to-end tests need, from Debian packages and the npm registry only:
#   - Debian: chromium (the browser the workbench runs in) and the headers code-server's native
#     modules build against (libkrb5-dev; build-essential, pkg-config, python3);
#   - code-server (VS Code's OSS build as a server) under .e2e/, never as a project dependency;
#   - a running Docker engine and a static busybox for Build and Check (scripts/docker-engine.sh).
# Idempotent: a second run checks a stamp and returns at once. Quiet: the details go to
# .e2e/setup.log, which is printed when a step fails.
#
# Environment: SHIPSHAPE_E2E_DIR (default <repo>/.e2e), CODE_SERVER_VERSION (default: the one that
# fits this Node.js), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${SHIPSHAPE_E2E_DIR:-$root/.e2e}
chromium=${CHROMIUM:-/usr/bin/chromium}
node_major=$(node -p 'process.versions.node.split(".")[0]')
# code-server pins Node exactly: 4.90–4.100.x need 20, 4.103–4.117 need 22.
case "$node_major" in
  20) default_cs=4.100.3 ;;
  22) default_cs=4.117.0 ;;
  *) echo "setup-e2e: no code-server version known for Node.js $node_major (use 20 or 22, or set CODE_SERVER_VERSION)" >&2; exit 1 ;;
esac
cs_version=${CODE_SERVER_VERSION:-$default_cs}
stamp="$dir/installed"
want="code-server@$cs_version node$node_major"

engine() { bash "$root/scripts/docker-engine.sh"; }

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/node_modules/.bin/code-server" ] && [ -x "$chromium" ]; then
  echo "e2e: $want and $("$chromium" --version 2>/dev/null | head -n1) present"
  engine
  exit 0
fi

start=$(date +%s)
mkdir -p "$dir"
log="$dir/setup.log"
: >"$log"
fail() { echo "setup-e2e: $1 failed; log follows" >&2; tail -n 80 "$log" >&2; exit 1; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
packages=()
[ -x "$chromium" ] || packages+=(chromium)
for p in libkrb5-dev build-essential pkg-config python3; do
  dpkg -s "$p" >/dev/null 2>&1 || packages+=("$p")
done
if [ ${#packages[@]} -gt 0 ]; then
  echo "e2e: apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${packages[@]}"; } >>"$log" 2>&1 || fail "apt-get install"
fi

echo "e2e: npm install code-server@$cs_version under ${dir#"$root"/}"
cache="$dir/ripgrep-cache"
bash "$root/scripts/seed-ripgrep-cache.sh" "$cs_version" "$cache" >>"$log" 2>&1 || fail "seeding the ripgrep cache"
[ -f "$dir/package.json" ] || echo '{ "private": true, "description": "code-server for the end-to-end tests (scripts/setup-e2e.sh)" }' >"$dir/package.json"
# node-gyp builds offline against Node's own headers when they are installed.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(npm config get nodedir 2>/dev/null)" = "undefined" ] && [ -f /usr/include/node/node.h ] &&
  [ "$(sed -n 's/^#define NODE_MAJOR_VERSION //p' /usr/include/node/node_version.h)" = "$node_major" ]; then
  export npm_config_nodedir=/usr
fi
# TMPDIR: where @vscode/ripgrep's postinstall finds the seeded archive. unsafe_perm: code-server's
# postinstall refuses to run as root without it. yes: node-pty's postinstall runs `npx node-gyp`.
(cd "$dir" && TMPDIR="$cache" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$cs_version") >>"$log" 2>&1 || fail "npm install code-server"
"$dir/node_modules/.bin/code-server" --version >>"$log" 2>&1 || fail "code-server --version"
echo "$want" >"$stamp"
echo "e2e: installed $want in $(($(date +%s) - start)) s"
engine
