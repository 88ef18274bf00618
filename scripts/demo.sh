#!/usr/bin/env bash
# One command runs the product: install, build, embedded database with the demo store,
# the API with the WeChat simulator and dev tools, the H5 shop and the admin page.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_pnpm
pnpm install --frozen-lockfile
pnpm build
export PORT=${PORT:-3000} WECHAT_SIM=${WECHAT_SIM:-1} DEV_TOOLS=${DEV_TOOLS:-1} SEED_DEMO=${SEED_DEMO:-1}
exec node server/dist/main.js
