#!/usr/bin/env bash
# Every suite, in the order that fails fastest: lint, types, unit + integration, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint";        npx eslint .
echo "== typecheck";   npx next typegen >/dev/null && npx tsc --noEmit
echo "== unit + integration (vitest)"; npx vitest run --project unit --project integration
echo "== end to end and attack tests (Playwright)"; bash scripts/e2e.sh
