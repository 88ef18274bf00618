import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { attachOutbox } from '../database/sql';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = err.driverError?.code ?? err.code;
  if (code === 'ER_DUP_ENTRY') return true;
  return /UNIQUE constraint failed/.test(err.driverError?.message ?? err.message ?? '');
}

function isRetryable(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const code = (e as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs fn in one transaction; retries deadlocks and lock wait timeouts (3 tries in all).
 * Lock rows in id order inside fn to keep deadlocks rare.
 */
export async function withTx<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(ds, fn);
    } catch (e) {
      if (attempt >= 3 || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}

/** TypeORM's EntityManager.transaction, with the statements of a MariaDB transaction batched (database/sql.ts, Outbox). */
async function transaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type === 'sqljs') return ds.transaction(fn);
  const qr = ds.createQueryRunner();
  try {
    await qr.connect();
    attachOutbox(qr);
    await qr.startTransaction();
    const result = await fn(qr.manager);
    await qr.commitTransaction();
    return result;
  } catch (e) {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined); // the connection may be gone; e says why
    throw e;
  } finally {
    await qr.release();
  }
}

/** Row lock options for a find inside a transaction; sql.js has no row locks (it runs one transaction at a time). */
export function rowLock(em: EntityManager, mode: 'pessimistic_read' | 'pessimistic_write' = 'pessimistic_write') {
  return em.connection.options.type === 'sqljs' ? undefined : { mode };
}
