import { QueryFailedError, type EntityManager, type EntityMetadata, type EntityTarget, type ObjectLiteral, type QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Hand-written statements for the checkout path (order placement, payment, notification), where
 * TypeORM's query building and row hydration cost more CPU than the statement itself
 * (docs/performance.md). The SQL is portable between MariaDB and sql.js (backquoted names, `?`
 * placeholders); values go through the driver's own conversions, so dates, booleans, JSON and
 * transformers are stored and read exactly as the entity methods would. Everything else in the
 * server uses TypeORM's API.
 */

const built = new WeakMap<EntityMetadata, Map<string, unknown>>();

/** Made once per entity and key, then reused: select lists, row readers, INSERT statements. */
function once<V>(m: EntityMetadata, key: string, make: () => V): V {
  let byKey = built.get(m);
  if (!byKey) built.set(m, (byKey = new Map()));
  let v = byKey.get(key) as V | undefined;
  if (v === undefined) byKey.set(key, (v = make()));
  return v;
}

const meta = (em: EntityManager, entity: EntityTarget<ObjectLiteral>) => em.connection.getMetadata(entity);

/** An entity's table, backquoted, with an alias if given: for FROM, JOIN, UPDATE. */
export function table(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias?: string): string {
  return alias ? `\`${meta(em, entity).tableName}\` ${alias}` : `\`${meta(em, entity).tableName}\``;
}

/** The select list of every column of an entity under `alias`, each named `alias_column` for `hydrate`. */
export function columns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const m = meta(em, entity);
  return once(m, `select ${alias}`, () => m.columns.map((c) => `\`${alias}\`.\`${c.databaseName}\` AS \`${alias}_${c.databaseName}\``).join(', '));
}

/** The entity read by `columns(…, alias)` from a raw row; null when its primary key is null (a left join that found nothing). */
export function hydrate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, raw: Record<string, unknown>, alias: string): T | null {
  const m = meta(em, entity);
  const { primaryKey, fields } = readers(m, alias);
  if (raw[primaryKey] == null) return null;
  const driver = em.connection.driver;
  const out = m.create(undefined, { fromDeserializer: true }) as Record<string, unknown>; // an instance, so save() knows it
  for (const [property, key, column] of fields) out[property] = driver.prepareHydratedValue(raw[key], column);
  return out as T;
}

function readers(m: EntityMetadata, alias: string) {
  return once(m, `read ${alias}`, () => ({
    primaryKey: `${alias}_${m.primaryColumns[0].databaseName}`,
    fields: m.columns.map((c): [string, string, ColumnMetadata] => [c.propertyName, `${alias}_${c.databaseName}`, c]),
  }));
}

/** `col = ?, …` with its values, for the SET of an UPDATE of `entity` from property values. */
export function assignments<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, changes: Partial<T>): { clause: string; params: unknown[] } {
  const m = meta(em, entity);
  const cols = Object.keys(changes).map((p) => column(m, p));
  return {
    clause: cols.map((c) => `\`${c.databaseName}\` = ?`).join(', '),
    params: cols.map((c) => em.connection.driver.preparePersistentValue(changes[c.propertyName as keyof T], c)),
  };
}

function column(m: EntityMetadata, property: string): ColumnMetadata {
  const c = m.findColumnWithPropertyName(property);
  if (!c) throw new Error(`${m.name} has no column ${property}`);
  return c;
}

function insertStatement(m: EntityMetadata, properties: string[], rowCount: number) {
  return once(m, `insert ${rowCount} ${properties.join(',')}`, () => {
    const cols = properties.map((p) => column(m, p));
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    return {
      sql: `INSERT INTO \`${m.tableName}\` (${cols.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`,
      columns: cols,
    };
  });
}

function insertParams<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]) {
  const { sql, columns: cols } = insertStatement(meta(em, entity), Object.keys(rows[0]), rows.length);
  const driver = em.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) for (const c of cols) params.push(driver.preparePersistentValue(row[c.propertyName as keyof T], c));
  return { sql, params };
}

/** Inserts rows (all with the same properties) in one statement; returns the first generated id. */
export async function insert<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<number> {
  const { sql, params } = insertParams(em, entity, rows);
  const res = await statement(em, sql, params);
  if (Array.isArray(res)) {
    // sql.js answers an INSERT with no rows; its last rowid is the last row's (ids are consecutive within one statement)
    const [{ id }] = (await em.query('SELECT last_insert_rowid() AS id')) as { id: number }[];
    return Number(id) - rows.length + 1;
  }
  return Number(res.insertId);
}

/**
 * Inserts rows whose ids nobody needs: inside `withTx` on MariaDB the INSERT goes out with the
 * transaction's next statement or its COMMIT, in the same round trip (see Outbox); elsewhere now.
 */
export function insertLater<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  const { sql, params } = insertParams(em, entity, rows);
  return later(em, sql, params);
}

/** A write whose result nobody reads (INSERT, UPDATE, DELETE): as `insertLater`. */
export async function later(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  const outbox = outboxOf(em);
  if (outbox) outbox.later(sql, params);
  else await statement(em, sql, params);
}

/** The rows of a SELECT. */
export async function rows(em: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const res = await statement(em, sql, params);
  if (!Array.isArray(res)) throw new Error('sql.rows() runs SELECTs');
  return res;
}

/** Runs an UPDATE or DELETE; returns the number of rows it changed. */
export async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const res = await statement(em, sql, params);
  return Array.isArray(res) ? Number(((await em.query('SELECT changes() AS n')) as { n: number }[])[0].n) : res.affectedRows;
}

/**
 * Statements that need no transaction, in one round trip on any pooled connection: each commits on
 * its own, in order; the results come back in order. MariaDB stops at the first error (the
 * statements before it stand). On sql.js they simply run one after another.
 */
export async function together(em: EntityManager, statements: { sql: string; params: unknown[] }[]): Promise<Result[]> {
  if (em.connection.options.type === 'sqljs') {
    const results: Result[] = [];
    for (const s of statements) results.push(await statement(em, s.sql, s.params));
    return results;
  }
  // inside a transaction they must stay on its connection, where the Outbox sends them together
  if (em.queryRunner || statements.length === 1) return Promise.all(statements.map((s) => statement(em, s.sql, s.params)));
  const sqlText = statements.map((s) => s.sql).join(';\n');
  const values = bindable(statements.flatMap((s) => s.params));
  return new Promise((resolve, reject) =>
    poolOf(em).query(sqlText, values, (err, res) => (err ? reject(new QueryFailedError(sqlText, values, err)) : resolve(res as Result[]))),
  );
}

type Written = { insertId: number | string; affectedRows: number };
type Result = Record<string, unknown>[] | Written;
type Callback<R> = (err: Error | null, res: R) => void;
type Mysql2Connection = {
  execute(sql: string, params: unknown[], cb: Callback<Result>): void;
  query(sql: string, params: unknown[], cb: Callback<Result | Result[]>): void;
};
const poolOf = (em: EntityManager) => (em.connection.driver as unknown as { pool: Mysql2Connection }).pool;
/** mysql2 refuses undefined as a value. */
const bindable = (params: unknown[]) => params.map((v) => (v === undefined ? null : v));

/**
 * One statement on the manager's transaction, or on any pooled connection outside one. On MariaDB
 * a lone statement is a server-side prepared statement (mysql2 `execute`, cached per connection):
 * the server parses each statement once per connection and no parameters are escaped into SQL text
 * (measured: about a third less CPU per statement on both sides). Inside `withTx` it goes through
 * the transaction's Outbox. Errors are TypeORM's QueryFailedError, as from em.query, so deadlock
 * retries and duplicate-key checks see them.
 */
async function statement(em: EntityManager, sql: string, params: unknown[]): Promise<Result> {
  if (em.connection.options.type === 'sqljs') return (await em.query(sql, params)) as Record<string, unknown>[];
  const outbox = outboxOf(em);
  if (outbox) return outbox.send(sql, params);
  const qr = em.queryRunner as (QueryRunner & { databaseConnection?: Mysql2Connection }) | undefined;
  const conn: Mysql2Connection = qr ? (qr.databaseConnection ?? (await qr.connect())) : poolOf(em);
  const values = bindable(params);
  return new Promise((resolve, reject) =>
    conn.execute(sql, values, (err, res) => (err ? reject(new QueryFailedError(sql, values, err)) : resolve(res))),
  );
}

interface Queued {
  sql: string;
  params: unknown[];
  /** absent for a statement nobody waits for (`later`) */
  settle?: { resolve(r: Result): void; reject(e: unknown): void };
}

const BEGIN = 'START TRANSACTION';
const outboxes = new WeakMap<QueryRunner, Outbox>();
const outboxOf = (em: EntityManager) => (em.queryRunner ? outboxes.get(em.queryRunner) : undefined);

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
class Outbox {
  private queue: Queued[] = [];
  private sending: Promise<void> = Promise.resolve();
  private scheduled = false;
  private broken: unknown = null;
  /** whether anything has gone to MariaDB (so a rollback has something to undo) */
  sent = false;

  constructor(private readonly conn: Mysql2Connection) {}

  later(sql: string, params: unknown[]): void {
    if (this.broken) throw this.broken;
    this.queue.push({ sql, params });
  }

  /** `now`: send at once rather than at the end of this event-loop turn (COMMIT, and before TypeORM's own queries). */
  send(sql: string, params: unknown[], now = false): Promise<Result> {
    if (this.broken) return Promise.reject(this.broken);
    const result = new Promise<Result>((resolve, reject) => this.queue.push({ sql, params, settle: { resolve, reject } }));
    if (now) this.sendQueued();
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

  private sendQueued(): void {
    const batch = this.queue.splice(0);
    if (batch.length) this.sending = this.sending.then(() => this.write(batch));
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

  private write(batch: Queued[]): Promise<void> {
    if (this.broken) {
      for (const q of batch) q.settle?.reject(this.broken);
      return Promise.resolve();
    }
    this.sent = true;
    const sqlText = batch.length === 1 ? batch[0].sql : batch.map((q) => q.sql).join(';\n');
    const values = bindable(batch.flatMap((q) => q.params));
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
      if (batch.length === 1 && values.length) this.conn.execute(sqlText, values, answer);
      else this.conn.query(sqlText, values, answer);
    });
  }
}

/**
 * Gives a connected query runner an Outbox: from now on its START TRANSACTION waits for the first
 * statement, its COMMIT takes the queued writes along, and TypeORM's own queries on it (em.find…,
 * em.save…) first send what is queued, so everything reaches MariaDB in the order it was issued.
 */
export function attachOutbox(qr: QueryRunner): void {
  const conn = (qr as QueryRunner & { databaseConnection: Mysql2Connection }).databaseConnection;
  const outbox = new Outbox(conn);
  outboxes.set(qr, outbox);
  const typeormQuery = qr.query.bind(qr) as (query: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  qr.query = (async (query: string, parameters?: unknown[], structured?: boolean) => {
    if (query === BEGIN) {
      outbox.later(query, []);
      return undefined;
    }
    if (query === 'COMMIT') {
      await outbox.send(query, [], true);
      outbox.end();
      return undefined;
    }
    if (query === 'ROLLBACK') {
      outbox.end();
      await outbox.discard();
      if (outbox.sent) await typeormQuery(query);
      return undefined;
    }
    await outbox.flush();
    return typeormQuery(query, parameters, structured);
  }) as QueryRunner['query'];
}
