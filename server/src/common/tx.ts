import { DataSource, EntityManager, QueryFailedError, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { getBatchConnection, type Mysql2PoolConnection, type Result } from '../database/batch-pool';
import { BatchingQueryRunner, BEGIN, Outbox } from '../database/outbox';
import * as sql from '../database/sql';

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

/** How a transaction's statements reach the database: decided once, when the transaction starts. */
interface Statements {
  send(sql: string, params: unknown[], alone?: boolean): Promise<Result>;
  later(sql: string, params: unknown[]): Promise<void>;
  flush(): Promise<void>;
  /** A statement on the same connection after a failure, outside the transaction's order (diagnosis). */
  diagnose(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * sql.js: one transaction at a time, every statement at once. A failed `later` write breaks the
 * transaction as on MariaDB (every statement after it fails, and so does the commit), even if
 * the code that queued it ignored its promise.
 */
function direct(em: EntityManager): Statements {
  let broken: unknown = null;
  const run = async (text: string, params: unknown[]) => {
    if (broken) throw broken;
    return (await em.query(text, params)) as Result;
  };
  return {
    send: run,
    later: async (text, params) => {
      try {
        await run(text, params);
      } catch (e) {
        broken ??= e;
        throw e;
      }
    },
    flush: async () => {
      if (broken) throw broken;
    },
    diagnose: async (text) => em.query(text),
  };
}

/** MariaDB: through the transaction's Outbox (database/outbox.ts). */
function batched(outbox: Outbox): Statements {
  return {
    send: (text, params, alone) => outbox.send(text, params, { alone }),
    later: async (text, params) => outbox.later(text, params),
    flush: () => outbox.flush(),
    diagnose: (text) => new Promise((resolve, reject) => outbox.conn.query(text, [], (err, res) => (err ? reject(err) : resolve(res as Record<string, unknown>[])))),
  };
}

type FailureExplainer = (error: unknown, diagnose: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<unknown>;

/**
 * One open transaction, handed out by `withTx`. `em` is TypeORM's manager on it (find, save, query
 * builders); the methods below run hand-written SQL (database/sql.ts builds it) on it. On MariaDB
 * `later`/`insertLater` writes go out with the next statement or with COMMIT, and reads started
 * together travel together (database/outbox.ts); on sql.js everything runs at once.
 */
export class Tx {
  private readonly afterCommitWork: (() => Promise<void>)[] = [];
  private readonly explainers: FailureExplainer[] = [];
  private over = false;

  constructor(
    readonly em: EntityManager,
    private readonly statements: Statements,
  ) {}

  get dialect(): 'mariadb' | 'sqljs' {
    return this.em.connection.options.type === 'sqljs' ? 'sqljs' : 'mariadb';
  }

  /** The rows of a SELECT. */
  async rows(text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    this.assertOpen();
    return sql.rowsOf(await this.statements.send(text, params));
  }

  /** An UPDATE or DELETE; the number of rows it changed. */
  async execute(text: string, params: unknown[]): Promise<number> {
    this.assertOpen();
    return sql.affected(this.em, await this.statements.send(text, params));
  }

  /**
   * Inserts rows (all with the same properties) in one statement; the first generated id.
   * `alone`: the caller handles this statement's error (retries a duplicate key), so it goes out
   * on its own rather than with writes queued by `later`.
   */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[], opts: { alone?: boolean } = {}): Promise<number> {
    this.assertOpen();
    const { sql: text, params } = sql.insertParams(this.em, entity, rows);
    return sql.insertedId(this.em, await this.statements.send(text, params, opts.alone), rows.length);
  }

  /** A write whose result nobody reads (INSERT, UPDATE, DELETE); its failure fails the transaction. */
  async later(text: string, params: unknown[]): Promise<void> {
    this.assertOpen();
    return this.statements.later(text, params);
  }

  /** Inserts rows whose ids nobody needs, as `later`. */
  insertLater<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
    const { sql: text, params } = sql.insertParams(this.em, entity, rows);
    return this.later(text, params);
  }

  /** Sends what is queued and waits for it: its errors surface here. */
  flush(): Promise<void> {
    return this.statements.flush();
  }

  /** Work outside the database (WeChat calls, messages) once this transaction has committed; not if it rolls back. */
  afterCommit(work: () => Promise<void>): void {
    this.afterCommitWork.push(work);
  }

  /**
   * Turns a failure of this transaction into a clearer error, on its own connection before it is
   * released (a `later` write fails only when its batch goes out, far from the code that queued
   * it). The explainer returns the error to throw, or undefined to leave it as it is.
   */
  onFailure(explain: FailureExplainer): void {
    this.explainers.push(explain);
  }

  /**
   * After COMMIT or ROLLBACK nothing more may go out through this Tx: a promise of Promise.all
   * still running after its sibling failed the transaction would otherwise write outside it.
   */
  private assertOpen(): void {
    if (this.over) throw new Error('the transaction is over');
  }

  /** @internal withTx marks the end of the transaction, committed or not. */
  end(): void {
    this.over = true;
  }

  /** @internal withTx's end of a failed attempt. */
  async explain(error: unknown): Promise<unknown> {
    for (const explain of this.explainers) {
      const better = await explain(error, (text) => this.statements.diagnose(text)).catch(() => undefined);
      if (better !== undefined) return better;
    }
    return error;
  }

  /** @internal withTx's end of a committed attempt. */
  async runAfterCommit(): Promise<void> {
    for (const work of this.afterCommitWork) await work();
  }
}

/**
 * Runs fn in one transaction and hands it the Tx; retries deadlocks and lock wait timeouts (3
 * tries in all). Lock rows in id order inside fn to keep deadlocks rare. Work registered with
 * `tx.afterCommit` runs after the commit, in order; its errors reach the caller.
 */
export async function withTx<T>(ds: DataSource, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let tx: Tx | undefined;
    let result: T;
    try {
      result = await transaction(ds, fn, (t) => (tx = t));
    } catch (e) {
      if (attempt >= 3 || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
      continue;
    }
    await tx!.runAfterCommit();
    return result;
  }
}

async function transaction<T>(ds: DataSource, fn: (tx: Tx) => Promise<T>, opened: (tx: Tx) => void): Promise<T> {
  if (ds.options.type === 'sqljs') {
    let tx: Tx | undefined;
    try {
      return await ds.transaction(async (em) => {
        const open = new Tx(em, direct(em));
        tx = open;
        opened(open);
        const result = await fn(open);
        await open.flush(); // a broken transaction does not commit
        return result;
      });
    } catch (e) {
      throw tx ? await tx.explain(e) : e;
    } finally {
      tx?.end();
    }
  }
  const conn: Mysql2PoolConnection = await getBatchConnection(ds);
  const outbox = new Outbox(conn);
  const qr = new BatchingQueryRunner(ds, conn, outbox);
  const tx = new Tx(qr.manager, batched(outbox));
  opened(tx);
  try {
    outbox.later(BEGIN, []);
    const result = await fn(tx);
    await outbox.send('COMMIT', [], { now: true });
    outbox.end();
    tx.end();
    // what TypeORM's own commit tells its subscribers (the config and catalog caches evict again)
    qr.isTransactionActive = false;
    await qr.broadcaster.broadcast('AfterTransactionCommit');
    return result;
  } catch (e) {
    outbox.end();
    await outbox.discard();
    tx.end();
    const error = await tx.explain(e);
    if (outbox.sent) await new Promise<void>((resolve) => conn.query('ROLLBACK', [], () => resolve())); // the connection may be gone; error says why
    qr.isTransactionActive = false;
    await qr.broadcaster.broadcast('AfterTransactionRollback').catch(() => undefined);
    throw error;
  } finally {
    await qr.release();
  }
}

/** Row lock options for a find inside a transaction; sql.js has no row locks (it runs one transaction at a time). */
export function rowLock(em: EntityManager, mode: 'pessimistic_read' | 'pessimistic_write' = 'pessimistic_write') {
  return em.connection.options.type === 'sqljs' ? undefined : { mode };
}
