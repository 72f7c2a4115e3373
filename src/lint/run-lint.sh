#!/usr/bin/env bash
# Lints the models with @camunda/linting (the linter Camunda Modeler runs) for Camunda 8.8: see lint.mjs.
#   src/lint/run-lint.sh [DIR]               DIR defaults to bpmn/ at the repo root
# Or validates the element templates against Camunda's element-template JSON schema: see templates.mjs.
#   src/lint/run-lint.sh --templates [DIR]   DIR defaults to connectors/ at the repo root
# Without npm either is skipped with a warning, unless SEAWALL_REQUIRE_LINT=1 (as in CI): then it fails.
set -euo pipefail

script=lint.mjs
what="@camunda/linting of bpmn/"
if [ "${1:-}" = "--templates" ]; then
  script=templates.mjs
  what="validating connectors/ against the element-template schema"
  shift
fi

# Resolve DIR before leaving the caller's directory.
args=()
if [ "$#" -gt 0 ]; then
  case "$1" in
    /*) args=("$1") ;;
    *) args=("$PWD/$1") ;;
  esac
  shift
  args+=("$@")
fi

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v npm >/dev/null 2>&1; then
  if [ "${SEAWALL_REQUIRE_LINT:-}" = "1" ]; then
    echo "ERROR: npm not found, but SEAWALL_REQUIRE_LINT=1 requires $what;" \
      "install Node.js 20 or newer with npm" >&2
    exit 1
  fi
  echo "WARNING: npm not found; skipping $what"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  if [ "${SEAWALL_REQUIRE_LINT:-}" = "1" ]; then
    echo "ERROR: $what needs Node.js 20+, found $(node --version 2>/dev/null || echo none)" >&2
    exit 1
  fi
  echo "WARNING: Node.js 20+ not found ($(node --version 2>/dev/null || echo none)); skipping $what"
  exit 0
fi

# Install exactly what package-lock.json pins, only when node_modules is missing or older than the lock.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  if ! npm ci --no-audit --no-fund --silent; then
    echo "ERROR: 'npm ci' failed in src/lint; run it there without --silent to see why" >&2
    exit 1
  fi
  touch node_modules
fi

exec node "$script" "${args[@]+"${args[@]}"}"
