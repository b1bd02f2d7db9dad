#!/usr/bin/env bash
# Installs what `npm run screenshots` needs, doing nothing that is already done:
#   - code-server 4.100.3 and Debian's Chromium, through the end-to-end tests'
#     installer (scripts/e2e/install-code-server.sh);
#   - Debian's pngquant (palette PNGs) and ffmpeg (the animated GIF).
# Meant to run as root (or with sudo), with Debian apt reachable. Not part of
# npm test or CI: the pictures are committed, and only this script makes them.
set -euo pipefail

APT_PACKAGES=(pngquant ffmpeg)
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '[screenshots setup] %s\n' "$*"; }

bash "$REPO_ROOT/scripts/e2e/install-code-server.sh"

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "ERROR: not root and no sudo: cannot apt-get install" >&2; exit 1; }
  SUDO=(sudo)
fi

missing() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

mapfile -t MISSING < <(missing)
if [ "${#MISSING[@]}" -gt 0 ]; then
  say "apt-get install ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
  mapfile -t STILL < <(missing)
  [ "${#STILL[@]}" -eq 0 ] || { say "ERROR: still missing: ${STILL[*]}" >&2; exit 1; }
fi
say "$(dpkg-query -W -f='${Package} ${Version}, ' "${APT_PACKAGES[@]}")ready"
