#!/usr/bin/env bash
# Generates a migration for both dialects from the entity changes:
#   bash server/scripts/migration-generate.sh AddOrders
# MariaDB side: a scratch database migrated to the current head; sql.js side: a scratch file.
# Then add both classes to src/migrations/{mysql,sqljs}/index.ts.
set -euo pipefail
name=${1:?usage: migration-generate.sh Name}
cd "$(dirname "$0")/.."
base=${GEN_DATABASE_SERVER:-mysql://root@127.0.0.1:3306}
mariadb -uroot -h127.0.0.1 -e 'DROP DATABASE IF EXISTS mc_migration_gen; CREATE DATABASE mc_migration_gen'
export DATABASE_URL="$base/mc_migration_gen"
npx typeorm-ts-node-commonjs migration:run -d src/data-source.ts >/dev/null
npx typeorm-ts-node-commonjs migration:generate -d src/data-source.ts "src/migrations/mysql/$name"
mariadb -uroot -h127.0.0.1 -e 'DROP DATABASE mc_migration_gen'
unset DATABASE_URL
scratch=$(mktemp -d)/gen.sqlite
SQLJS_PATH=$scratch npx typeorm-ts-node-commonjs migration:run -d src/data-source.ts >/dev/null
SQLJS_PATH=$scratch npx typeorm-ts-node-commonjs migration:generate -d src/data-source.ts "src/migrations/sqljs/$name"
rm -rf "$(dirname "$scratch")"
