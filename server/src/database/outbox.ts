import { QueryFailedError, type DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { bindable, type Mysql2PoolConnection, type Result } from './batch-pool';

interface Queued {
  sql: string;
  params: unknown[];
  /** absent for a statement nobody waits for (`later`) */
  settle?: { resolve(r: Result): void; reject(e: unknown): void };
}

export const BEGIN = 'START TRANSACTION';

/** A value written into SQL text instead of bound: a quoted string or a number compared or assigned. */
const LITERAL = /'|"|[=<>,(]\s*-?\d/;

/**
 * Text sent to a multi-statement connection: a value in the SQL text itself could carry a second
 * statement, so every value must be a bound `?` parameter. The error names the statement.
 */
export function literalIn(statements: readonly string[]): Error | null {
  const found = statements.find((sql) => !bound(sql));
  return found === undefined ? null : new Error(`a batched statement must bind its values as ? parameters: ${found}`);
}

/** The server sends the same few statement texts over and over: each is checked once. */
const checked = new Map<string, boolean>();
function bound(sql: string): boolean {
  let ok = checked.get(sql);
  if (ok === undefined) {
    ok = sql === BEGIN || !LITERAL.test(sql.replace(/`[^`]*`/g, '``'));
    if (checked.size < 2000) checked.set(sql, ok);
  }
  return ok;
}

/**
 * A MariaDB transaction's statements, sent with as few round trips as the code allows. Each round
 * trip to MariaDB costs more CPU on this kind of machine than most statements themselves (two
 * system calls and a thread wake-up on each side; docs/performance.md), so:
 * - `START TRANSACTION` and writes whose result nobody reads (`later`) wait and go out in front of
 *   the next statement that is sent, or of `COMMIT`;
 * - statements sent while the code runs on (several reads started together with Promise.all) go
 *   out together at the end of the event-loop turn.
 * Several statements travel as one multi-statement text query; a lone one as a prepared statement.
 * MariaDB runs them in order and stops at the first error. A failed batch of several statements,
 * or of a `later` write, breaks the transaction: it can only roll back, since not everything ran
 * and the error may belong to a write no caller is waiting for. Every statement after that, and
 * COMMIT, fails with that error.
 */
export class Outbox {
  private queue: Queued[] = [];
  private sending: Promise<void> = Promise.resolve();
  private scheduled = false;
  private broken: unknown = null;
  /** whether anything has gone to MariaDB (so a rollback has something to undo) */
  sent = false;

  constructor(readonly conn: Mysql2PoolConnection) {}

  later(sql: string, params: unknown[]): void {
    if (this.broken) throw this.broken;
    this.queue.push({ sql, params });
  }

  /**
   * `now`: send at once rather than at the end of this event-loop turn. `alone`: the caller handles
   * this statement's error (a duplicate key it retries), so it must not share a batch with a write
   * nobody waits for: what is queued goes first, on its own.
   */
  send(sql: string, params: unknown[], opts: { now?: boolean; alone?: boolean } = {}): Promise<Result> {
    if (this.broken) return Promise.reject(this.broken);
    if (opts.alone && this.queue.some((q) => q.sql !== BEGIN)) this.sendQueued();
    const result = new Promise<Result>((resolve, reject) => this.queue.push({ sql, params, settle: { resolve, reject } }));
    if (opts.now || opts.alone) this.sendQueued();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.sendQueued();
      });
    }
    return result;
  }

  /** Sends everything queued; resolves once it has been answered, rejects if the transaction is broken. */
  async flush(): Promise<void> {
    this.sendQueued();
    await this.sending;
    if (this.broken) throw this.broken;
  }

  /**
   * After COMMIT or ROLLBACK nothing more may go out: a promise of Promise.all still running after
   * its sibling failed the transaction would otherwise write on a connection back in the pool.
   */
  end(): void {
    this.broken ??= new Error('the transaction is over');
  }

  /** Drops what is queued (a rollback); resolves once nothing is in flight. */
  discard(): Promise<void> {
    this.queue.length = 0;
    return this.sending;
  }

  private sendQueued(): void {
    const batch = this.queue.splice(0);
    if (batch.length) this.sending = this.sending.then(() => this.write(batch));
  }

  private write(batch: Queued[]): Promise<void> {
    if (this.broken) {
      for (const q of batch) q.settle?.reject(this.broken);
      return Promise.resolve();
    }
    this.sent = true;
    const sqlText = batch.length === 1 ? batch[0].sql : batch.map((q) => q.sql).join(';\n');
    const values = bindable(batch.flatMap((q) => q.params));
    const asText = batch.length > 1 || values.length === 0;
    if (asText) {
      const e = literalIn(batch.map((q) => q.sql));
      if (e) {
        this.broken = e;
        for (const q of batch) q.settle?.reject(e);
        return Promise.resolve();
      }
    }
    return new Promise((done) => {
      const answer = (err: Error | null, res: Result | Result[]) => {
        if (err) {
          const failure = new QueryFailedError(sqlText, values, err);
          // START TRANSACTION does not fail; a lone statement whose caller gets the error fails
          // only itself, as it would outside a batch. Anything else breaks the transaction.
          const statements = batch.filter((q) => q.sql !== BEGIN);
          if (statements.length !== 1 || !statements[0].settle) this.broken = failure;
          for (const q of batch) q.settle?.reject(failure);
        } else {
          const results = batch.length === 1 ? [res as Result] : (res as Result[]);
          batch.forEach((q, i) => q.settle?.resolve(results[i]));
        }
        done();
      };
      if (asText) this.conn.query(sqlText, values, answer);
      else this.conn.execute(sqlText, values, answer);
    });
  }
}

/**
 * TypeORM's query runner on a transaction's batch connection: the transaction is open (the Outbox
 * sends START TRANSACTION with the first statement), so TypeORM starts none of its own, and every
 * query TypeORM makes first sends what the Outbox holds, so everything reaches MariaDB in the
 * order it was issued. Beginning, committing and rolling back belong to the Tx (common/tx.ts).
 */
export class BatchingQueryRunner extends MysqlQueryRunner {
  constructor(
    ds: DataSource,
    conn: Mysql2PoolConnection,
    private readonly outbox: Outbox,
  ) {
    super(ds.driver as MysqlDriver, 'master');
    this.databaseConnection = conn;
    this.isTransactionActive = true;
    this.transactionDepth = 1;
    Object.assign(this, { manager: ds.createEntityManager(this) });
  }

  override async query(query: string, parameters?: unknown[], useStructuredResult = false): Promise<any> {
    await this.outbox.flush();
    return super.query(query, parameters, useStructuredResult);
  }
}
