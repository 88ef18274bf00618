import type { Bp, Cents } from '../money';

/** One cart or order line, with every price the server read from the database. Ids are strings. */
export interface PricingLine {
  lineId: string;
  skuId: string;
  productId: string;
  categoryId: string;
  qty: number;
  listPriceCents: Cents;
  memberPriceCents: Cents | null;
  /**
   * The member-day prices of this SKU, one per member day in `PricingInput.memberDays` that offers
   * one (each names its member day; at most one per member day). Absent or empty: none.
   */
  memberDayPrices?: readonly PricingMemberDayPrice[];
  /** Member-only item: no effect on the price; a non-member's breakdown says `requiresMembership`. */
  memberOnly?: boolean;
  /** Default true. Member cards and virtual goods set false; an order with no shipped line pays no shipping. */
  requiresShipping?: boolean;
}

export interface PricingBuyer {
  /** Holds an active paid member card. Member prices and member perks depend on it. */
  isMember: boolean;
  /** The growth tier's discount rate, 10000 = no discount; applied as given (the caller decides who gets it). */
  tierDiscountBp: Bp;
  tierPointsMultiplierBp: Bp;
  pointsBalance: number;
  /** For the adjustment label ('金卡 9.5 折') and its sourceId. */
  tierId?: string | null;
  tierName?: string | null;
}

/** A member-day price of one line under one member day (`memberDayId` is a `PricingMemberDay.id`). */
export interface PricingMemberDayPrice {
  memberDayId: string;
  priceCents: Cents;
}

/**
 * One member day in force now. The caller decides which are active and who is in their audience;
 * several may be in force at once (each with its own offers, audience and multiplier).
 */
export interface PricingMemberDay {
  id: string;
  name: string;
  /** The buyer is in the audience. */
  audienceOk: boolean;
  /**
   * Whether the buyer would be in the audience holding a paid card (e.g. a "paid members only"
   * member day for a non-member). Only used to compute `memberSavingsCents`; defaults to false.
   */
  audienceOkAsMember?: boolean;
  /** Discount rate per category id, 10000 = full price; applied to the list price. */
  categoryRatesBp: Readonly<Record<string, Bp>>;
  pointsMultiplierBp: Bp;
}

export type CouponKind = 'AMOUNT_OFF' | 'PERCENT_OFF';

export interface PricingCoupon {
  id: string;
  kind: CouponKind;
  /** Compared with `goodsCents` (list prices), see priceCart. 0 = no threshold. */
  thresholdCents: Cents;
  /** AMOUNT_OFF: fen off. */
  amountOffCents?: Cents;
  /** PERCENT_OFF: the share taken off, 1000 = 10 % off (9 折). */
  percentOffBp?: Bp;
  /** PERCENT_OFF: at most this many fen off; null/absent = no cap. */
  capCents?: Cents | null;
}

export interface StoreRules {
  /** What 100 points are worth in fen. Must divide 100 (a point is worth at most 1 fen): default 100. */
  pointsValueCentsPer100: number;
  /** Points pay at most this share of the goods after discounts: default 5000 (50 %). */
  pointsMaxSpendBp: Bp;
  /** Points earned per yuan of cash paid on goods, before multipliers: default 1. */
  pointsPerYuanEarned: number;
  shippingFeeCents: Cents;
  /** Free shipping when `goodsCents` reaches this; null = never. */
  freeShippingThresholdCents: Cents | null;
  /** Paid members ship free. */
  memberFreeShipping: boolean;
}

export const DEFAULT_STORE_RULES: Readonly<StoreRules> = {
  pointsValueCentsPer100: 100,
  pointsMaxSpendBp: 5000,
  pointsPerYuanEarned: 1,
  shippingFeeCents: 0,
  freeShippingThresholdCents: null,
  memberFreeShipping: true,
};

export interface PricingInput {
  lines: readonly PricingLine[];
  buyer: PricingBuyer;
  /**
   * Every member day in force now (empty: none), ids unique. Order matters only for ties: an equal
   * price goes to the earlier member day, and so does `memberDayId` on equal savings.
   */
  memberDays: readonly PricingMemberDay[];
  coupon: PricingCoupon | null;
  /** Points the buyer wants to spend; pass the balance to spend as many as allowed, 0 for none. */
  pointsRequested: number;
  rules: StoreRules;
}

export type PriceSource = 'LIST' | 'MEMBER_PRICE' | 'MEMBER_DAY_PRICE' | 'MEMBER_DAY_CATEGORY_RATE' | 'TIER_DISCOUNT';

export type AdjustmentKind =
  | 'MEMBER_PRICE'
  | 'MEMBER_DAY_PRICE'
  | 'MEMBER_DAY_CATEGORY_RATE'
  | 'TIER_DISCOUNT'
  | 'COUPON'
  | 'POINTS'
  | 'SHIPPING_WAIVER';

/**
 * What gave the adjustment, with `sourceId`: SKU (skuId), MEMBER_DAY (its id), TIER (tierId or null),
 * COUPON (its id), POINTS (null), MEMBER_PERK / STORE_RULE (shipping waivers, null).
 */
export type AdjustmentSourceType = 'SKU' | 'MEMBER_DAY' | 'TIER' | 'COUPON' | 'POINTS' | 'MEMBER_PERK' | 'STORE_RULE';

export interface Adjustment {
  kind: AdjustmentKind;
  /** Line-price adjustments name their line; order-level ones (coupon, points, shipping) are null. */
  lineId: string | null;
  /** Always < 0. */
  amountCents: Cents;
  label: string;
  sourceType: AdjustmentSourceType;
  sourceId: string | null;
}

/** All amounts ≥ 0; `cashPaidCents = goodsCents − lineDiscountCents − couponCents − pointsCents`. */
export interface PricedLine {
  lineId: string;
  skuId: string;
  productId: string;
  categoryId: string;
  qty: number;
  listPriceCents: Cents;
  /** After the line-price stage (before coupon and points). */
  unitPriceCents: Cents;
  priceSource: PriceSource;
  /** listPriceCents × qty. */
  goodsCents: Cents;
  /** (listPriceCents − unitPriceCents) × qty. */
  lineDiscountCents: Cents;
  couponCents: Cents;
  pointsCents: Cents;
  /** The commission base: cash paid for this line, excluding shipping and the points' value. */
  cashPaidCents: Cents;
  /** memberOnly and the buyer is not a member: the order must not be placed. */
  requiresMembership: boolean;
}

export interface PriceBreakdown {
  lines: PricedLine[];
  /** Line-price adjustments in line order, then coupon, points, shipping waiver. */
  adjustments: Adjustment[];
  /** Σ list price × qty. */
  goodsCents: Cents;
  /** −Σ adjustments except POINTS (line prices, coupon, shipping waiver), ≥ 0. */
  discountCents: Cents;
  /** The shipping fee before any waiver (a waiver is a SHIPPING_WAIVER adjustment). */
  shippingCents: Cents;
  /** Shipping actually charged: shippingCents minus the waiver. */
  shippingPaidCents: Cents;
  pointsUsed: number;
  pointsValueCents: Cents;
  /** goodsCents + shippingCents + Σ adjustments = Σ lines' cashPaidCents + shippingPaidCents. */
  payableCents: Cents;
  /**
   * floor(cash paid on goods in yuan × pointsPerYuanEarned × tier multiplier × member-day
   * multiplier), floored once; the member-day multiplier is the highest `pointsMultiplierBp` among
   * the member days whose audience includes the buyer (they do not stack), 1× when none.
   */
  pointsToEarn: number;
  /** What a paid card would save this buyer on this cart; 0 for members. */
  memberSavingsCents: Cents;
  /** The coupon applied (null when none, threshold not met, or nothing to take off). */
  couponId: string | null;
  /**
   * The member day of this order: of the member days whose audience includes the buyer, the one
   * whose line prices took the most off (Σ of its adjustments), ties (0 included) to the earlier in
   * `memberDays`; null when the buyer is in no member day's audience. Each line-price adjustment
   * names its own member day in `sourceId`.
   */
  memberDayId: string | null;
  /** Some line is member-only and the buyer is not a member. */
  requiresMembership: boolean;
}
