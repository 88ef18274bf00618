/**
 * The points mall (domain.md "Points mall"): what a redemption costs, how short a customer is, how
 * many units they may still take, and the order breakdown a redemption is written with. Pure.
 */
import { shareOfUnits } from '../money';
import type { PriceBreakdown } from '../pricing/types';

/** GOODS: a SKU shipped like any order; CARD_DAYS: member-card days added on payment; COUPON: wired with the coupons. */
export const MALL_ITEM_KINDS = ['GOODS', 'COUPON', 'CARD_DAYS'] as const;
export type MallItemKind = (typeof MALL_ITEM_KINDS)[number];

export const MALL_ITEM_KIND_LABEL: Readonly<Record<MallItemKind, string>> = {
  GOODS: '实物商品',
  COUPON: '优惠券',
  CARD_DAYS: '会员卡天数',
};

/** Bounds of the staff form and the server's validation (refused, never clamped). */
export const MALL_LIMITS = {
  pointsCost: { min: 1, max: 1_000_000 },
  cashCents: { min: 0, max: 10_000_000 },
  stock: { min: 0, max: 1_000_000 },
  /** 0 = no limit per customer. */
  perCustomerLimit: { min: 0, max: 1000 },
  cardDays: { min: 1, max: 366 },
  sort: { min: 0, max: 1_000_000 },
  /** Units in one redemption. */
  qty: { min: 1, max: 99 },
} as const;

export interface MallPrice {
  pointsCost: number;
  cashCents: number;
}

/** What `qty` units cost: points taken at redemption and cash to pay (no shipping, no discounts). */
export function redemptionCost(item: MallPrice, qty: number): { pointsUsed: number; payableCents: number } {
  return { pointsUsed: item.pointsCost * qty, payableCents: item.cashCents * qty };
}

/** Points still missing to redeem `qty` units with this balance (0 when enough). */
export function pointsShort(balance: number, item: Pick<MallPrice, 'pointsCost'>, qty = 1): number {
  return Math.max(0, item.pointsCost * qty - Math.max(0, balance));
}

/**
 * Units a customer may still redeem: the item's stock, capped by what their limit leaves
 * (`perCustomerLimit` 0 = no cap) once `used` units count against it.
 */
export function redeemableUnits(item: { stock: number; perCustomerLimit: number }, used: number): number {
  const left = item.perCustomerLimit > 0 ? Math.max(0, item.perCustomerLimit - used) : Infinity;
  return Math.max(0, Math.min(item.stock, left));
}

/**
 * Points a refund of `units` gives back after `done` units were refunded before: the order's
 * points spread over its units by cumulative floors, so refunding every unit returns exactly
 * `pointsUsed` and partial refunds never return more.
 */
export function redemptionPointsBack(pointsUsed: number, qty: number, done: number, units: number): number {
  return shareOfUnits(pointsUsed, qty, done, units);
}

export interface RedemptionLine {
  /** 0 for what is not a SKU (card days). */
  skuId: number;
  productId: number;
  categoryId: number;
  requiresShipping: boolean;
}

/**
 * The order snapshot of a redemption, in the shape every order is written with: one line at the
 * item's cash price, the points taken as `pointsUsed` (they buy the item; they are not a discount
 * on cash, so `pointsValueCents` is 0), no shipping fee, and nothing earned.
 */
export function redemptionBreakdown(item: MallPrice, qty: number, line: RedemptionLine): PriceBreakdown {
  const { pointsUsed, payableCents } = redemptionCost(item, qty);
  return {
    lines: [
      {
        lineId: String(line.skuId),
        skuId: String(line.skuId),
        productId: String(line.productId),
        categoryId: String(line.categoryId),
        qty,
        listPriceCents: item.cashCents,
        unitPriceCents: item.cashCents,
        priceSource: 'LIST',
        goodsCents: payableCents,
        lineDiscountCents: 0,
        couponCents: 0,
        pointsCents: 0,
        cashPaidCents: payableCents,
        requiresMembership: false,
      },
    ],
    adjustments: [],
    goodsCents: payableCents,
    discountCents: 0,
    shippingCents: 0,
    shippingPaidCents: 0,
    pointsUsed,
    pointsValueCents: 0,
    payableCents,
    pointsToEarn: 0,
    memberSavingsCents: 0,
    couponId: null,
    memberDayId: null,
    requiresMembership: false,
  };
}
