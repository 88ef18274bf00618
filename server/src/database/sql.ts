import { QueryFailedError, type EntityManager, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { batchPool, type Mysql2Connection, type Result, bindable } from './batch-pool';
import { literalIn } from './outbox';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Hand-written statements for the checkout path (order placement, payment, notification), where
 * TypeORM's query building and row hydration cost more CPU than the statement itself
 * (docs/performance.md). The SQL is portable between MariaDB and sql.js (backquoted names, `?`
 * placeholders); values go through the driver's own conversions, so dates, booleans, JSON and
 * transformers are stored and read exactly as the entity methods would. Everything else in the
 * server uses TypeORM's API.
 */

/** A transaction (common/tx.ts) as these helpers see it. */
export interface TxLike {
  readonly em: EntityManager;
  rows(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  execute(sql: string, params: unknown[]): Promise<number>;
}
/** Where a statement runs: a transaction, or the pool (an EntityManager outside any transaction). */
export type Db = EntityManager | TxLike;
const isTx = (db: Db): db is TxLike => typeof (db as TxLike).rows === 'function';
export const managerOf = (db: Db): EntityManager => (isTx(db) ? db.em : db);

const built = new WeakMap<EntityMetadata, Map<string, unknown>>();

/** Made once per entity and key, then reused: select lists, row readers, INSERT statements. */
function once<V>(m: EntityMetadata, key: string, make: () => V): V {
  let byKey = built.get(m);
  if (!byKey) built.set(m, (byKey = new Map()));
  let v = byKey.get(key) as V | undefined;
  if (v === undefined) byKey.set(key, (v = make()));
  return v;
}

const meta = (db: Db, entity: EntityTarget<ObjectLiteral>) => managerOf(db).connection.getMetadata(entity);

/** An entity's table, backquoted, with an alias if given: for FROM, JOIN, UPDATE. */
export function table(em: Db, entity: EntityTarget<ObjectLiteral>, alias?: string): string {
  return alias ? `\`${meta(em, entity).tableName}\` ${alias}` : `\`${meta(em, entity).tableName}\``;
}

/** The select list of every column of an entity under `alias`, each named `alias_column` for `hydrate`. */
export function columns(em: Db, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const m = meta(em, entity);
  return once(m, `select ${alias}`, () => m.columns.map((c) => `\`${alias}\`.\`${c.databaseName}\` AS \`${alias}_${c.databaseName}\``).join(', '));
}

/** The entity read by `columns(…, alias)` from a raw row; null when its primary key is null (a left join that found nothing). */
export function hydrate<T extends ObjectLiteral>(em: Db, entity: EntityTarget<T>, raw: Record<string, unknown>, alias: string): T | null {
  const m = meta(em, entity);
  const { primaryKey, fields } = readers(m, alias);
  if (raw[primaryKey] == null) return null;
  const driver = managerOf(em).connection.driver;
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
export function assignments<T extends ObjectLiteral>(em: Db, entity: EntityTarget<T>, changes: Partial<T>): { clause: string; params: unknown[] } {
  const m = meta(em, entity);
  const cols = Object.keys(changes).map((p) => column(m, p));
  return {
    clause: cols.map((c) => `\`${c.databaseName}\` = ?`).join(', '),
    params: cols.map((c) => managerOf(em).connection.driver.preparePersistentValue(changes[c.propertyName as keyof T], c)),
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

export function insertParams<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]) {
  const { sql, columns: cols } = insertStatement(meta(em, entity), Object.keys(rows[0]), rows.length);
  const driver = em.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) for (const c of cols) params.push(driver.preparePersistentValue(row[c.propertyName as keyof T], c));
  return { sql, params };
}

/** Inserts rows (all with the same properties) in one statement, outside a transaction; returns the first generated id. */
export async function insert<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<number> {
  const { sql, params } = insertParams(em, entity, rows);
  return insertedId(em, await statement(em, sql, params), rows.length);
}

/** The rows of a SELECT, in the transaction given or on the pool. */
export async function rows(db: Db, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  return isTx(db) ? db.rows(sql, params) : rowsOf(await statement(db, sql, params));
}

/** Runs an UPDATE or DELETE in the transaction given or on the pool; returns the number of rows it changed. */
export async function execute(db: Db, sql: string, params: unknown[]): Promise<number> {
  return isTx(db) ? db.execute(sql, params) : affected(db, await statement(db, sql, params));
}

/**
 * Statements that need no transaction, in one round trip on a connection of the batch pool: each
 * commits on its own, in order; the results come back in order. MariaDB stops at the first error
 * (the statements before it stand). On sql.js they simply run one after another.
 */
export async function together(em: EntityManager, statements: { sql: string; params: unknown[] }[]): Promise<Result[]> {
  assertNoTransaction(em);
  if (em.connection.options.type === 'sqljs' || statements.length === 1) {
    const results: Result[] = [];
    for (const s of statements) results.push(await statement(em, s.sql, s.params));
    return results;
  }
  const literal = literalIn(statements.map((s) => s.sql));
  if (literal) throw literal;
  const sqlText = statements.map((s) => s.sql).join(';\n');
  const values = bindable(statements.flatMap((s) => s.params));
  return new Promise((resolve, reject) =>
    batchPool(em.connection).query(sqlText, values, (err, res) => (err ? reject(new QueryFailedError(sqlText, values, err)) : resolve(res as Result[]))),
  );
}

export function rowsOf(res: Result): Record<string, unknown>[] {
  if (!Array.isArray(res)) throw new Error('rows() runs SELECTs');
  return res;
}

/** An UPDATE's or DELETE's changed rows; sql.js reports them through changes(). */
export async function affected(em: EntityManager, res: Result): Promise<number> {
  return Array.isArray(res) ? Number(((await em.query('SELECT changes() AS n')) as { n: number }[])[0].n) : res.affectedRows;
}

/** An INSERT's first generated id; sql.js answers with no rows, and its last rowid is the last row's (consecutive within one statement). */
export async function insertedId(em: EntityManager, res: Result, rowCount: number): Promise<number> {
  if (!Array.isArray(res)) return Number(res.insertId);
  const [{ id }] = (await em.query('SELECT last_insert_rowid() AS id')) as { id: number }[];
  return Number(id) - rowCount + 1;
}

function assertNoTransaction(em: EntityManager): void {
  // inside withTx the transaction's own methods keep the statements in order (common/tx.ts)
  if (em.queryRunner?.isTransactionActive) throw new Error('inside a transaction, use the Tx methods (tx.rows, tx.execute, tx.later …)');
}

/**
 * One statement on any pooled connection, outside a transaction. On MariaDB it is a server-side
 * prepared statement (mysql2 `execute`, cached per connection): the server parses each statement
 * once per connection and no parameters are escaped into SQL text (measured: about a third less
 * CPU per statement on both sides). Errors are TypeORM's QueryFailedError, as from em.query, so
 * duplicate-key checks see them.
 */
async function statement(em: EntityManager, sql: string, params: unknown[]): Promise<Result> {
  assertNoTransaction(em);
  if (em.connection.options.type === 'sqljs') return (await em.query(sql, params)) as Record<string, unknown>[];
  return prepared(poolOf(em), sql, params);
}

export function prepared(conn: Mysql2Connection, sql: string, params: unknown[]): Promise<Result> {
  const values = bindable(params);
  return new Promise((resolve, reject) => conn.execute(sql, values, (err, res) => (err ? reject(new QueryFailedError(sql, values, err)) : resolve(res))));
}

/** TypeORM's pool (no multiple statements on its connections). */
const poolOf = (em: EntityManager) => (em.connection.driver as unknown as { pool: Mysql2Connection }).pool;
