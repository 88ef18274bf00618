import { Injectable } from '@nestjs/common';
import type { StoreRules } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
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
}

export const DEFAULT_SETTINGS: Readonly<StoreSettings> = {
  timezone: 'Asia/Shanghai',
  unpaidTimeoutMinutes: 15,
  autoConfirmDays: 10,
  afterSaleDays: 7,
  maxQtyPerLine: 99,
  cardFastRefundDays: 7,
  pointsValueCentsPer100: 100,
  pointsMaxSpendBp: 5000,
  pointsPerYuanEarned: 1,
  shippingFeeCents: 800,
  freeShippingThresholdCents: 9900,
  memberFreeShipping: true,
};

@Injectable()
export class StoreSettingsService {
  constructor(private readonly ds: DataSource) {}

  async get(em: EntityManager = this.ds.manager): Promise<StoreSettings> {
    const rows = await em.find(StoreSetting);
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
    return { ...DEFAULT_SETTINGS, ...stored } as StoreSettings;
  }

  async set(em: EntityManager, values: Partial<StoreSettings>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in DEFAULT_SETTINGS)) throw new Error(`unknown setting ${key}`);
      await em.upsert(StoreSetting, { key, valueJson: JSON.stringify(value) }, ['key']);
    }
  }
}
