#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension in a real
# VS Code (code-server) driven by headless Chromium:
#   - Debian packages: chromium ripgrep libkrb5-dev build-essential python3 pkg-config,
#     fonts-dejavu-core (readable screenshots), neovim (the README's Neovim
#     setup is tested in it) and pre-commit (the repository's pre-commit hook is)
#   - code-server@4.100.3 (VS Code 1.100.3) from the npm registry into
#     .tools/code-server (outside the project's own dependency tree).
# Idempotent: does nothing that is already done. Meant to run as root (CI,
# developer machines), with the npm registry and Debian apt as the only network.
#
# Usage: bash scripts/e2e/install-code-server.sh
# Env:   CODE_SERVER_DIR  install folder (default: <repo>/.tools/code-server)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11        # @vscode/ripgrep version code-server 4.100.3 pulls in
RIPGREP_ASSET_VERSION=v13.0.0-10   # the rg release that version downloads
APT_PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config fonts-dejavu-core neovim pre-commit)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CODE_SERVER_DIR="${CODE_SERVER_DIR:-$REPO_ROOT/.tools/code-server}"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
MARKER="$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"

START=$SECONDS
say() { printf '[install-code-server %3ss] %s\n' "$((SECONDS - START))" "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install"
  SUDO=(sudo)
fi

# --- 1. Debian packages --------------------------------------------------------
missing_apt_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

mapfile -t MISSING < <(missing_apt_packages)
if [ "${#MISSING[@]}" -eq 0 ]; then
  say "apt packages present: ${APT_PACKAGES[*]}"
else
  say "apt-get install ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${MISSING[@]}" >/dev/null
  mapfile -t STILL < <(missing_apt_packages)
  [ "${#STILL[@]}" -eq 0 ] || die "apt packages still missing: ${STILL[*]}"
  say "apt packages installed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt install"
command -v rg >/dev/null || die "rg missing after apt install"

# --- 2. code-server --------------------------------------------------------------
# Prints e.g. "4.100.3 409c64e... with Code 1.100.3". Runs with a scratch HOME:
# code-server writes a default config file into XDG_CONFIG_HOME on every start.
code_server_version() {
  local scratch line
  scratch="$(mktemp -d)"
  line="$(HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    "$CODE_SERVER_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | sed -n 1p)" || true
  rm -rf "$scratch"
  echo "$line"
}

if [ -f "$MARKER" ] && [ -x "$CODE_SERVER_BIN" ] \
   && [[ "$(code_server_version)" == "$CODE_SERVER_VERSION "* ]]; then
  say "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"
  exit 0
fi

command -v node >/dev/null || die "node missing"
command -v npm >/dev/null || die "npm missing"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || say "warning: code-server $CODE_SERVER_VERSION wants Node 20, this is Node $NODE_MAJOR"

case "$(uname -m)" in
  x86_64) RG_TRIPLE=x86_64-unknown-linux-musl ;;
  aarch64) RG_TRIPLE=aarch64-unknown-linux-musl ;;  # untested: only x86_64 was tried
  *) die "unsupported architecture $(uname -m)" ;;
esac

say "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (takes a few minutes)"
case "$CODE_SERVER_DIR" in
  /|"$HOME"|"$REPO_ROOT") die "refusing to use $CODE_SERVER_DIR as the install folder" ;;
esac
rm -rf "$CODE_SERVER_DIR"
mkdir -p "$CODE_SERVER_DIR"
# Own package.json: npm must not walk up into the project's tree.
printf '{ "name": "e2e-code-server-tools", "private": true }\n' > "$CODE_SERVER_DIR/package.json"

# A private TMPDIR: @vscode/ripgrep keeps its download cache in os.tmpdir().
WORK_TMP="$(mktemp -d "${TMPDIR:-/tmp}/install-code-server.XXXXXX")"
trap 'rm -rf "$WORK_TMP"' EXIT
export TMPDIR="$WORK_TMP"

# Trap 3: @vscode/ripgrep downloads rg from GitHub. Seed its cache with Debian's rg.
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
mkdir -p "$RG_CACHE/stage"
cp "$(command -v rg)" "$RG_CACHE/stage/rg"
tar -czf "$RG_CACHE/ripgrep-$RIPGREP_ASSET_VERSION-$RG_TRIPLE.tar.gz" -C "$RG_CACHE/stage" rg
rm -rf "$RG_CACHE/stage"
say "seeded ripgrep cache with $(rg --version 2>/dev/null | sed -n 1p)"

# Trap 1: code-server's postinstall refuses root without unsafe-perm.
export npm_config_unsafe_perm=true
# Trap 4: node-pty's install runs `npx node-gyp`, which would stop at a prompt.
export npm_config_yes=true
# npm 11 lists packages whose install scripts are "not yet covered by
# allowScripts" and only warns today; code-server cannot work without its
# (and lib/vscode's) install scripts, so say so explicitly for stricter npms.
export npm_config_dangerously_allow_all_scripts=true
# Native modules (argon2, kerberos, node-pty) build against the system headers
# instead of downloading them (trap 2, gssapi.h, is libkrb5-dev above).
if [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export npm_config_loglevel="${npm_config_loglevel:-warn}"

LOG="$CODE_SERVER_DIR/install.log"
say "npm install (log: $LOG)"
if ! (cd "$CODE_SERVER_DIR" && npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION") >"$LOG" 2>&1; then
  tail -n 60 "$LOG" >&2
  die "npm install code-server@$CODE_SERVER_VERSION failed (full log: $LOG)"
fi

[ -x "$CODE_SERVER_BIN" ] || die "no $CODE_SERVER_BIN after npm install"
VERSION_LINE="$(code_server_version)"
[[ "$VERSION_LINE" == "$CODE_SERVER_VERSION "* ]] || die "code-server --version says: '$VERSION_LINE'"
RG_BIN="$(find "$CODE_SERVER_DIR/node_modules/code-server" -path '*@vscode/ripgrep/bin/rg' -type f | head -1)"
[ -n "$RG_BIN" ] || die "code-server installed without @vscode/ripgrep's rg (search would not work)"
touch "$MARKER"
say "code-server $VERSION_LINE ready: $CODE_SERVER_BIN"
