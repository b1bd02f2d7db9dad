#!/usr/bin/env bash
# Installs the benchmark's baseline, yaml-language-server, into .tools/bench/
# (outside the project's dependencies; .tools/ is gitignored). Does nothing when
# the pinned version is already there. `npm run bench` calls it.
#
# 1.25.0 is the newest 1.x; it declares no engines, its dependencies ask for
# Node >= 14, and it runs on Node 20 (the project's minimum).
set -euo pipefail

VERSION="${YAML_LS_VERSION:-1.25.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="$ROOT/.tools/bench"
PKG="$PREFIX/node_modules/yaml-language-server/package.json"

installed="$(node -p "require('$PKG').version" 2>/dev/null || true)"
if [ "$installed" = "$VERSION" ]; then
  exit 0
fi

echo "bench: installing yaml-language-server@$VERSION into .tools/bench/ (baseline)" >&2
mkdir -p "$PREFIX"
# A package.json of its own, so npm installs here and not into the project.
[ -f "$PREFIX/package.json" ] || echo '{ "private": true }' > "$PREFIX/package.json"
npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "yaml-language-server@$VERSION" >&2
node -p "'bench: baseline yaml-language-server ' + require('$PKG').version" >&2
