#!/usr/bin/env bash
# The GitHub Action's logic (action.yml runs it; test/package/action.test.ts
# runs it locally the same way). Inputs come as environment variables:
#   INPUT_PATHS         files, folders, globs: separated by spaces, or one per line
#                       (then a path may hold spaces); empty: every declaration below here
#   INPUT_FORMAT        the report printed in the log: stylish (default), json, sarif
#   INPUT_MAX_WARNINGS  fail when there are more warnings than this
#   INPUT_SARIF_FILE    where the SARIF report goes (default: $RUNNER_TEMP/srm.sarif)
#   INPUT_VERSION       the @srm-tools/srm version to run (default: this action's own)
# Writes `sarif-file=<path>` to $GITHUB_OUTPUT. Exits as srm does: 0 clean,
# 1 findings (or too many warnings), 2 a usage error or srm could not be run.
#
# srm comes from the npm registry, the package of the same version as the
# action's release (npx caches it): a few hundred KB, no dependencies, no build.
# Written for the bash of every hosted runner, macOS's 3.2 included.
set -o pipefail

ACTION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE=@srm-tools/srm

# A workflow command on stdout: the run page shows it as an error annotation.
fail() { echo "::error title=srm::$*"; exit 2; }

command -v npx >/dev/null 2>&1 || fail "the SRM action needs Node.js 20 or later on the runner: add actions/setup-node before it."

version="${INPUT_VERSION:-}"
if [ -z "$version" ]; then
  version="$(node -p 'require(process.argv[1]).version' "$ACTION_ROOT/package.json")" || fail "cannot read the action's version from $ACTION_ROOT/package.json"
fi
sarif_file="${INPUT_SARIF_FILE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/srm.sarif}"

paths=()
if [[ "${INPUT_PATHS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -n "$line" ] && paths+=("$line")
  done <<< "$INPUT_PATHS"
else
  read -r -a paths <<< "${INPUT_PATHS:-}"
fi

options=()
[ -n "${INPUT_MAX_WARNINGS:-}" ] && options+=(--max-warnings "$INPUT_MAX_WARNINGS")

srm() { npx --yes --package="$PACKAGE@$version" -- srm "$@"; }

# 1. The SARIF report, for code scanning. Its absence afterwards tells a failed
#    npx (which also exits 1) from findings.
rm -f "$sarif_file"
srm check --format sarif --output "$sarif_file" "${options[@]}" -- "${paths[@]}"
status=$?
if [ "$status" -ge 2 ]; then exit "$status"; fi
[ -f "$sarif_file" ] || fail "could not run $PACKAGE@$version from the npm registry (see above): is that version published? Set the action's version input to one that is."
[ -n "${GITHUB_OUTPUT:-}" ] && echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"

# 2. The report a person reads in the log; its exit code is the step's.
srm check --format "${INPUT_FORMAT:-stylish}" "${options[@]}" -- "${paths[@]}"
