import { createPool, type Pool } from 'mysql2';
import type { DataSource } from 'typeorm';
import type { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';

export type Written = { insertId: number | string; affectedRows: number };
export type Result = Record<string, unknown>[] | Written;
type Callback<R> = (err: Error | null, res: R) => void;

/** What this server uses of a mysql2 connection (or pool): prepared `execute`, text `query`. */
export interface Mysql2Connection {
  execute(sql: string, params: unknown[], cb: Callback<Result>): void;
  query(sql: string, params: unknown[], cb: Callback<Result | Result[]>): void;
}
export interface Mysql2PoolConnection extends Mysql2Connection {
  release(): void;
}

/** mysql2 refuses undefined as a value. */
export const bindable = (params: unknown[]) => params.map((v) => (v === undefined ? null : v));

const pools = new WeakMap<DataSource, Pool>();

/**
 * The connections that carry multi-statement batches: transactions (common/tx.ts) and
 * `sql.together`. Only these have `multipleStatements` on; TypeORM's own pool, which serves every
 * other query, does not. Every statement sent on them binds its values as `?` parameters
 * (sql-batching.e2e-spec checks that a batch refuses SQL with a literal in it). Same server,
 * credentials and conversions as TypeORM's pool; made on first use, closed with `closeBatchPool`.
 */
export function batchPool(ds: DataSource): Pool {
  let pool = pools.get(ds);
  if (!pool) {
    const o = ds.options as MysqlDataSourceOptions;
    const extra = (o.extra ?? {}) as { connectionLimit?: number; connectTimeout?: number };
    pool = createPool({
      host: o.host,
      port: o.port,
      user: o.username,
      password: o.password,
      database: o.database,
      socketPath: o.socketPath,
      charset: o.charset,
      timezone: o.timezone,
      supportBigNumbers: o.supportBigNumbers ?? true,
      bigNumberStrings: o.bigNumberStrings ?? true,
      stringifyObjects: true,
      connectionLimit: extra.connectionLimit,
      connectTimeout: extra.connectTimeout,
      trace: false,
      multipleStatements: true,
    });
    pools.set(ds, pool);
  }
  return pool;
}

export function getBatchConnection(ds: DataSource): Promise<Mysql2PoolConnection> {
  return new Promise((resolve, reject) => batchPool(ds).getConnection((err, conn) => (err ? reject(err) : resolve(conn as unknown as Mysql2PoolConnection))));
}

export async function closeBatchPool(ds: DataSource): Promise<void> {
  const pool = pools.get(ds);
  if (!pool) return;
  pools.delete(ds);
  await new Promise<void>((resolve) => pool.end(() => resolve()));
}
