import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DEFAULT_CHECK_IN_RULES, type BindingMode, type CheckInMilestone, type PointsEarnOn, type StoreRules } from '@mc/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ConfigCache } from '../../common/config-cache';
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
  /** Points expire at the end of 31 December this many years after the year they were earned (store time zone); 0 = never. */
  pointsExpiryYears: number;
  /** When an order's points are credited: on completion (default) or on payment. */
  pointsEarnOn: PointsEarnOn;
  /** Daily check-in (domain.md "Check-in"): points a day, streak bonuses, make-up on/off and its price. */
  checkInDailyPoints: number;
  checkInMilestones: CheckInMilestone[];
  checkInMakeUpEnabled: boolean;
  checkInMakeUpCostPoints: number;
  /** KOC distribution (domain.md "KOC distributors"; staff edit them as `/api/admin/commission-rules`). */
  commissionDefaultRateBp: number;
  commissionLevel2Enabled: boolean;
  commissionLevel2RateBp: number;
  commissionCategoryRates: { categoryId: number; rateBp: number }[];
  commissionProductRates: { productId: number; rateBp: number }[];
  /** Days after an order completes before its pending commission settles. */
  commissionSettleAfterDays: number;
  referralBindingMode: BindingMode;
  referralBindingDays: number;
  distributorAutoApproveMembers: boolean;
  withdrawMinCents: number;
  /** Per distributor per store day. */
  withdrawDailyCapCents: number;
}

export const DEFAULT_SETTINGS: Readonly<StoreSettings> = {
  timezone: 'Asia/Shanghai',
  unpaidTimeoutMinutes: 15,
  autoConfirmDays: 10,
  afterSaleDays: 7,
  maxQtyPerLine: 99,
  cardFastRefundDays: 7,
  birthdayGiftPoints: 200,
  pointsExpiryYears: 1,
  pointsEarnOn: 'COMPLETION',
  checkInDailyPoints: DEFAULT_CHECK_IN_RULES.dailyPoints,
  checkInMilestones: DEFAULT_CHECK_IN_RULES.milestones.map((x) => ({ ...x })),
  checkInMakeUpEnabled: DEFAULT_CHECK_IN_RULES.makeUpEnabled,
  checkInMakeUpCostPoints: DEFAULT_CHECK_IN_RULES.makeUpCostPoints,
  commissionDefaultRateBp: 1000,
  commissionLevel2Enabled: false,
  commissionLevel2RateBp: 300,
  commissionCategoryRates: [],
  commissionProductRates: [],
  commissionSettleAfterDays: 7,
  referralBindingMode: 'FIRST_TOUCH',
  referralBindingDays: 30,
  distributorAutoApproveMembers: false,
  withdrawMinCents: 100,
  withdrawDailyCapCents: 500_000,
  pointsValueCentsPer100: 100,
  pointsMaxSpendBp: 5000,
  pointsPerYuanEarned: 1,
  shippingFeeCents: 800,
  freeShippingThresholdCents: 9900,
  memberFreeShipping: true,
};

/** Settings are read on every checkout, cart and order view but change a few times a year. */
const CACHE_TTL_MS = 5_000;

@Injectable()
export class StoreSettingsService implements OnModuleDestroy {
  private readonly cache: ConfigCache<StoreSettings>;

  constructor(ds: DataSource) {
    this.cache = new ConfigCache(ds, [StoreSetting], CACHE_TTL_MS, (em) => this.load(em));
  }

  onModuleDestroy(): void {
    this.cache.close();
  }

  /** The settings (a copy the caller may change), from memory when fresh; see ConfigCache. */
  async get(em?: EntityManager): Promise<StoreSettings> {
    return { ...(await this.cache.get(em)) };
  }

  async set(em: EntityManager, values: Partial<StoreSettings>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in DEFAULT_SETTINGS)) throw new Error(`unknown setting ${key}`);
      await em.upsert(StoreSetting, { key, valueJson: JSON.stringify(value) }, ['key']);
    }
  }

  private async load(em: EntityManager): Promise<StoreSettings> {
    const rows = await em.find(StoreSetting);
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
    return { ...DEFAULT_SETTINGS, ...stored } as StoreSettings;
  }
}
