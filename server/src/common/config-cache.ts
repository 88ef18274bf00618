import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** Makes a cached value read-only all the way down: every reader shares it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Merchant configuration read on every checkout but changed a few times a year (store settings,
 * tiers, member-day rules), kept in memory. A write through this process to one of the watched
 * tables invalidates at once and again when its transaction commits (a read in between may have
 * cached the old rows); writes this process cannot see (another instance or worker, raw SQL) show
 * after at most `ttlMs`. Cached values are frozen.
 */
export class ConfigCache<T> {
  private generation = 0;
  private cached: { generation: number; at: number; value: T } | null = null;
  private loading: { generation: number; value: Promise<T> } | null = null;
  private readonly written = Symbol('configCacheWritten');
  private readonly subscriber: EntitySubscriberInterface;
  private readonly logger = new Logger('ConfigCache');
  /** The watched entities' names, for the log. */
  private readonly tables: string;

  constructor(
    private readonly ds: DataSource,
    tables: readonly unknown[],
    private readonly ttlMs: number,
    private readonly load: (em: EntityManager) => Promise<T>,
  ) {
    this.tables = tables.map((t) => (t as { name?: string }).name ?? String(t)).join(',');
    const watched = new Set(tables);
    const changed = (target: unknown, qr: QueryRunner | undefined) => {
      if (!watched.has(target)) return;
      this.invalidate();
      if (qr?.isTransactionActive) (qr.data as Record<symbol, boolean>)[this.written] = true;
    };
    // no listenTo(): one subscriber sees every table's events and every commit
    this.subscriber = {
      afterInsert: (e) => changed(e.metadata.target, e.queryRunner),
      afterUpdate: (e) => changed(e.metadata.target, e.queryRunner),
      afterRemove: (e) => changed(e.metadata.target, e.queryRunner),
      afterTransactionCommit: (e) => {
        const data = e.queryRunner.data as Record<symbol, boolean>;
        if (!data[this.written]) return;
        delete data[this.written];
        this.invalidate();
      },
      afterTransactionRollback: (e) => {
        delete (e.queryRunner.data as Record<symbol, boolean>)[this.written];
      },
    };
    ds.subscribers.push(this.subscriber);
  }

  /** Stops watching (module shutdown). */
  close(): void {
    const i = this.ds.subscribers.indexOf(this.subscriber);
    if (i >= 0) this.ds.subscribers.splice(i, 1);
  }

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /**
   * The value, from memory when fresh. A miss inside a transaction reads through that transaction
   * (no second pool connection is awaited while one is held) and does not fill the cache from its
   * snapshot; a transaction that wrote a watched table always reads its own rows.
   */
  async get(em: EntityManager = this.ds.manager): Promise<T> {
    const qr = em.queryRunner;
    const inTx = qr?.isTransactionActive === true;
    if (inTx && (qr.data as Record<symbol, boolean>)[this.written]) return deepFreeze(await this.load(em));
    const c = this.cached;
    if (c && c.generation === this.generation && Date.now() - c.at < this.ttlMs) return c.value;
    if (inTx) {
      // in the background: nobody waits for its connection, nor sees it fail
      this.refresh().catch((err: unknown) => this.logger.error({ err, tables: this.tables }, 'background refresh of a config cache failed'));
      return deepFreeze(await this.load(em));
    }
    return this.refresh();
  }

  /** Concurrent misses share one load (unless a change came after it started); kept only if nothing changed while it ran. */
  private refresh(): Promise<T> {
    const generation = this.generation;
    if (this.loading?.generation === generation) return this.loading.value;
    const at = Date.now();
    const loading = {
      generation,
      value: this.load(this.ds.manager)
        .then((value) => {
          deepFreeze(value);
          if (this.generation === generation) this.cached = { generation, at, value };
          return value;
        })
        .finally(() => {
          if (this.loading === loading) this.loading = null;
        }),
    };
    this.loading = loading;
    return loading.value;
  }
}
