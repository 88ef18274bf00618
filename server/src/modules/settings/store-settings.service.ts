import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { StoreRules } from '@mc/shared';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { StoreSetting } from './entities/store-setting.entity';

export interface StoreSettings extends StoreRules {
  timezone: string;
  /** Unpaid orders are cancelled after this many minutes. */
  unpaidTimeoutMinutes: number;
  /** Shipped orders complete by themselves after this many days. */
  autoConfirmDays: number;
  /** Refunds may be requested this many days after completion; commission settles when it closes. */
  afterSaleDays: number;
  /** Most units of one SKU in a cart line or an order line. */
  maxQtyPerLine: number;
  /** A card bought this many days ago or less, with no member benefit used, is refunded at once (极速退卡). */
  cardFastRefundDays: number;
  /** Points given to a paid member once a year on their birthday (store time zone); 0 turns the gift off. */
  birthdayGiftPoints: number;
}

export const DEFAULT_SETTINGS: Readonly<StoreSettings> = {
  timezone: 'Asia/Shanghai',
  unpaidTimeoutMinutes: 15,
  autoConfirmDays: 10,
  afterSaleDays: 7,
  maxQtyPerLine: 99,
  cardFastRefundDays: 7,
  birthdayGiftPoints: 200,
  pointsValueCentsPer100: 100,
  pointsMaxSpendBp: 5000,
  pointsPerYuanEarned: 1,
  shippingFeeCents: 800,
  freeShippingThresholdCents: 9900,
  memberFreeShipping: true,
};

/**
 * Settings are read on every checkout, cart and order view but change a few times a year: they are
 * kept in memory. A write through this process invalidates at once and again at its commit; writes
 * this process cannot see (another instance, raw SQL) show after at most CACHE_TTL_MS.
 */
const CACHE_TTL_MS = 5_000;
const WRITTEN = Symbol('storeSettingsWritten');
type TxData = { [WRITTEN]?: boolean };

class SettingsChangeListener implements EntitySubscriberInterface<StoreSetting> {
  constructor(private readonly invalidate: () => void) {}

  listenTo() {
    return StoreSetting;
  }

  afterInsert(e: { queryRunner: QueryRunner }) {
    this.changed(e.queryRunner);
  }

  afterUpdate(e: { queryRunner: QueryRunner }) {
    this.changed(e.queryRunner);
  }

  afterRemove(e: { queryRunner: QueryRunner }) {
    this.changed(e.queryRunner);
  }

  private changed(qr: QueryRunner) {
    this.invalidate();
    if (qr.isTransactionActive) (qr.data as TxData)[WRITTEN] = true;
  }
}

/** Commit and rollback events reach every subscriber; this one watches them for all tables. */
class SettingsCommitListener implements EntitySubscriberInterface {
  constructor(private readonly invalidate: () => void) {}

  afterTransactionCommit(e: { queryRunner: QueryRunner }) {
    const data = e.queryRunner.data as TxData;
    if (!data[WRITTEN]) return;
    delete data[WRITTEN];
    this.invalidate();
  }

  afterTransactionRollback(e: { queryRunner: QueryRunner }) {
    delete (e.queryRunner.data as TxData)[WRITTEN];
  }
}

@Injectable()
export class StoreSettingsService implements OnModuleDestroy {
  private generation = 0;
  private cached: { generation: number; at: number; value: StoreSettings } | null = null;
  private loading: { generation: number; value: Promise<StoreSettings> } | null = null;
  private readonly listeners: EntitySubscriberInterface[];

  constructor(private readonly ds: DataSource) {
    const invalidate = () => {
      this.generation++;
      this.cached = null;
    };
    this.listeners = [new SettingsChangeListener(invalidate), new SettingsCommitListener(invalidate)];
    ds.subscribers.push(...this.listeners);
  }

  onModuleDestroy(): void {
    for (const l of this.listeners) {
      const i = this.ds.subscribers.indexOf(l);
      if (i >= 0) this.ds.subscribers.splice(i, 1);
    }
  }

  /**
   * The settings, from memory when fresh. A cache miss inside a transaction reads through that
   * transaction (no second pool connection is awaited while one is held) and does not fill the
   * cache from its snapshot; a transaction that wrote settings always reads its own rows.
   */
  async get(em: EntityManager = this.ds.manager): Promise<StoreSettings> {
    const qr = em.queryRunner;
    const inTx = qr?.isTransactionActive === true;
    if (inTx && (qr.data as TxData)[WRITTEN]) return this.load(em);
    const c = this.cached;
    if (c && c.generation === this.generation && Date.now() - c.at < CACHE_TTL_MS) return { ...c.value };
    if (inTx) {
      this.refresh().catch(() => undefined); // in the background: nobody waits for its connection
      return this.load(em);
    }
    return { ...(await this.refresh()) };
  }

  async set(em: EntityManager, values: Partial<StoreSettings>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in DEFAULT_SETTINGS)) throw new Error(`unknown setting ${key}`);
      await em.upsert(StoreSetting, { key, valueJson: JSON.stringify(value) }, ['key']);
    }
  }

  /** Concurrent misses share one load (unless a change came after it started); kept only if nothing changed while it ran. */
  private refresh(): Promise<StoreSettings> {
    const generation = this.generation;
    if (this.loading?.generation === generation) return this.loading.value;
    const at = Date.now();
    const loading = {
      generation,
      value: this.load(this.ds.manager)
        .then((value) => {
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

  private async load(em: EntityManager): Promise<StoreSettings> {
    const rows = await em.find(StoreSetting);
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
    return { ...DEFAULT_SETTINGS, ...stored } as StoreSettings;
  }
}
