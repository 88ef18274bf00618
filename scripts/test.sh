#!/usr/bin/env bash
# One command runs every test: install, build, type-check every package (tsc -b), then the
# shared unit/property tests, the server e2e tests on MariaDB/MySQL, the admin and mini-program
# component tests and the browser tests (Chromium on the H5 shop and the admin page).
# Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_pnpm
pnpm install --frozen-lockfile || exit 1
pnpm build || { echo "0 passed, 1 failed"; exit 1; }
pnpm typecheck || { echo "0 passed, 1 failed"; exit 1; }

results=.tmp/results
rm -rf "$results" && mkdir -p "$results"
status=0
suite() { # name, then the command; a suite that crashes without a report counts as failed
  local name=$1; shift
  echo "=== $name"
  "$@" || status=1
}
suite shared  pnpm --filter @mc/shared exec jest --ci --json --outputFile="$PWD/$results/shared.json"
suite server  pnpm --filter @mc/server exec jest --ci --maxWorkers=2 --json --outputFile="$PWD/$results/server.json"
suite admin   pnpm --filter @mc/admin exec vitest run --reporter=default --reporter=json --outputFile="$PWD/$results/admin.json"
suite miniapp pnpm --filter @mc/miniapp exec vitest run --reporter=default --reporter=json --outputFile="$PWD/$results/miniapp.json"
suite browser pnpm --filter @mc/test exec jest --ci --runInBand --json --outputFile="$PWD/$results/browser.json"
node scripts/summarize-tests.js "$results" shared server admin miniapp browser || status=1
exit $status
