import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLJS_MIGRATIONS } from '../migrations/sqljs';

export type Dialect = 'mariadb' | 'sqljs';

export function dialectOf(databaseUrl: string | null): Dialect {
  return databaseUrl ? 'mariadb' : 'sqljs';
}

/** One factory for the app, the tests and the migration CLI. */
export function buildDataSourceOptions(databaseUrl: string | null, sqljsPath: string): DataSourceOptions {
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    return {
      // 'mariadb' and 'mysql' share the mysql2 driver; 'mariadb' avoids phantom migration diffs on MariaDB.
      type: 'mariadb',
      host: u.hostname,
      port: Number(u.port || 3306),
      username: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password),
      database: u.pathname.replace(/^\//, ''),
      // `?socket=/run/mysqld/mysqld.sock`: a Unix socket when the database is on the same host
      // (roughly half the per-query cost of loopback TCP, measured in docs/performance.md).
      ...(u.searchParams.get('socket') ? { socketPath: u.searchParams.get('socket')! } : {}),
      charset: 'utf8mb4',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      // trace: mysql2 otherwise captures a stack trace for every query (measurable on the checkout path).
      // No multiple statements on this pool: transactions and sql.together run on the batch pool
      // (database/batch-pool.ts), the only connections where batches travel as one text query.
      extra: { connectionLimit: Number(process.env.DB_POOL_SIZE || 20), trace: false },
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      synchronize: false,
      logging: false,
    };
  }
  mkdirSync(dirname(sqljsPath), { recursive: true }); // sql.js does not create the folder
  return {
    type: 'sqljs',
    location: sqljsPath,
    autoSave: true,
    entities: ENTITIES,
    migrations: SQLJS_MIGRATIONS,
    synchronize: false,
    logging: false,
  };
}
