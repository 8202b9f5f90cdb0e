#!/usr/bin/env bash
# Builds once, then runs Playwright against `next start` on a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
if [ -z "${DATABASE_URL:-}" ]; then
  export MEND_DATA_DIR="${MEND_DATA_DIR:-.data/e2e}"
  rm -rf "$MEND_DATA_DIR"
fi
if [ -z "${SKIP_BUILD:-}" ]; then npx next build; fi
npx playwright test "$@"
