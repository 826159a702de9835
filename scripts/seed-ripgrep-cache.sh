#!/usr/bin/env bash
# Seeds the download cache of @vscode/ripgrep for one code-server version, so that its postinstall
# (which would download ripgrep from the internet) finds the archive locally. The rg binary comes
# from the npm package @vscode/ripgrep-linux-x64 (a static build).
#
# usage: seed-ripgrep-cache.sh <code-server version> <cache root>
# Then run `npm install code-server@<version>` with TMPDIR=<cache root>: the postinstall looks for
# $TMPDIR/vscode-ripgrep-cache-<ripgrep pkg version>/ripgrep-<tag>-<target>.tar.gz.
set -euo pipefail
cs_version=$1
cache_root=$2
mkdir -p "$cache_root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent "code-server@$cs_version" >/dev/null
rg_version=$(tar -xzOf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json |
  node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).packages["node_modules/@vscode/ripgrep"].version')

npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null
tag=$(tar -xzOf "vscode-ripgrep-$rg_version.tgz" package/lib/postinstall.js |
  sed -n "s/^const VERSION = '\(.*\)';/\1/p")
[ -n "$tag" ] || { echo "seed-ripgrep-cache: no ripgrep tag in @vscode/ripgrep@$rg_version" >&2; exit 1; }

npm pack --silent @vscode/ripgrep-linux-x64 >/dev/null
mkdir rg
tar -xzf vscode-ripgrep-linux-x64-*.tgz -C rg package/bin/rg

target="$cache_root/vscode-ripgrep-cache-$rg_version/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz"
mkdir -p "$(dirname "$target")"
tar -czf "$target" -C rg/package/bin rg
echo "$target"
