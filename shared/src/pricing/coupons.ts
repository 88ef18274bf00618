import { BP_SCALE, formatYuan, formatZhe } from '../money';
import type { Cents } from '../money';
import { couponOffCents, priceCart } from './price-cart';
import type { PriceBreakdown, PricingCoupon, PricingInput } from './types';

export type CouponAudience = 'ALL' | 'PAID_MEMBERS';
/** What the wallet shows: USED once an order took it, EXPIRED when unused past `validUntil`. */
export type CouponStatus = 'USABLE' | 'USED' | 'EXPIRED';

/** A coupon a customer holds, with everything that decides whether it applies to a cart now. */
export interface HeldCoupon extends PricingCoupon {
  /** Taken by an order (stored status USED). */
  used: boolean;
  /** Usable from this instant (ms since the epoch) … */
  validFromMs: number;
  /** … until before this one. */
  validUntilMs: number;
  audience: CouponAudience;
  /** Tier ≥ X: the growth the lowest allowed tier needs; null/absent = any tier. */
  minTierGrowth?: number | null;
}

/** Why a held coupon does not apply to this cart now. */
export type CouponRefusal = 'USED' | 'EXPIRED' | 'NOT_STARTED' | 'MEMBERS_ONLY' | 'TIER_TOO_LOW' | 'THRESHOLD_NOT_MET' | 'NOTHING_TO_TAKE_OFF';

export const COUPON_REFUSAL_LABEL: Record<CouponRefusal, string> = {
  USED: '已使用',
  EXPIRED: '已过期',
  NOT_STARTED: '未到使用时间',
  MEMBERS_ONLY: '付费会员专享',
  TIER_TOO_LOW: '会员等级不足',
  THRESHOLD_NOT_MET: '未达到使用门槛',
  NOTHING_TO_TAKE_OFF: '本单无可抵扣金额',
};

/** Who is buying and when, as far as a coupon cares. */
export interface CouponBuyer {
  nowMs: number;
  isMember: boolean;
  growth: number;
}

/** The wallet's status of a coupon at `nowMs`. */
export function couponStatus(c: Pick<HeldCoupon, 'used' | 'validUntilMs'>, nowMs: number): CouponStatus {
  if (c.used) return 'USED';
  return nowMs < c.validUntilMs ? 'USABLE' : 'EXPIRED';
}

/** Whether the coupon's holder may use it now, whatever the cart: null = yes. */
export function couponHolderRefusal(c: HeldCoupon, buyer: CouponBuyer): CouponRefusal | null {
  const status = couponStatus(c, buyer.nowMs);
  if (status !== 'USABLE') return status;
  if (buyer.nowMs < c.validFromMs) return 'NOT_STARTED';
  if (c.audience === 'PAID_MEMBERS' && !buyer.isMember) return 'MEMBERS_ONLY';
  if (c.minTierGrowth != null && buyer.growth < c.minTierGrowth) return 'TIER_TOO_LOW';
  return null;
}

/** One held coupon against one cart: what it would take off, or why it cannot be used. */
export interface CouponOption {
  coupon: HeldCoupon;
  offCents: Cents;
  refusal: CouponRefusal | null;
}

/** The goods total and the goods after line prices, the two amounts a coupon is measured on. */
function couponBases(input: PricingInput): { goodsCents: Cents; baseCents: Cents } {
  const lines = priceCart({ ...input, coupon: null, pointsRequested: 0 }).lines;
  let goodsCents = 0;
  let baseCents = 0;
  for (const l of lines) {
    goodsCents += l.goodsCents;
    baseCents += l.goodsCents - l.lineDiscountCents;
  }
  return { goodsCents, baseCents };
}

/** Every held coupon measured against the cart (`input.coupon` is ignored), in the order given. */
export function couponOptions(input: PricingInput, held: readonly HeldCoupon[], buyer: CouponBuyer): CouponOption[] {
  const { goodsCents, baseCents } = couponBases(input);
  return held.map((coupon) => {
    const refusal = couponHolderRefusal(coupon, buyer);
    if (refusal) return { coupon, offCents: 0, refusal };
    if (goodsCents < coupon.thresholdCents) return { coupon, offCents: 0, refusal: 'THRESHOLD_NOT_MET' };
    const offCents = couponOffCents(coupon, goodsCents, baseCents);
    return { coupon, offCents, refusal: offCents > 0 ? null : 'NOTHING_TO_TAKE_OFF' };
  });
}

/**
 * The best of the usable options: the most off (which is also the lowest payable: points apply
 * after the coupon and never make a bigger coupon cost more), then the one expiring first, then the
 * lower id. null when none is usable.
 */
export function bestCouponOption(options: readonly CouponOption[]): CouponOption | null {
  let best: CouponOption | null = null;
  for (const o of options) {
    if (o.refusal !== null) continue;
    if (
      best === null ||
      o.offCents > best.offCents ||
      (o.offCents === best.offCents && (o.coupon.validUntilMs < best.coupon.validUntilMs || (o.coupon.validUntilMs === best.coupon.validUntilMs && compareIds(o.coupon.id, best.coupon.id) < 0)))
    ) {
      best = o;
    }
  }
  return best;
}

const compareIds = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The customer's choice: absent = the best usable, null = none, an id = that one. */
export type CouponChoice = string | null | undefined;

export type CouponPricing =
  | { ok: true; breakdown: PriceBreakdown; options: CouponOption[]; chosen: CouponOption | null }
  | { ok: false; couponId: string; refusal: CouponRefusal | 'NOT_HELD' };

/**
 * Prices the cart with the coupon the choice names: absent → the best usable one (or none),
 * null → none, an id → that coupon, refused (ok: false, and why) when the customer does not hold
 * it or it does not apply to this cart now.
 */
export function priceWithCoupons(input: PricingInput, held: readonly HeldCoupon[], buyer: CouponBuyer, choice: CouponChoice): CouponPricing {
  const options = couponOptions(input, held, buyer);
  let chosen: CouponOption | null = null;
  if (choice === undefined) chosen = bestCouponOption(options);
  else if (choice !== null) {
    const named = options.find((o) => o.coupon.id === choice);
    if (!named) return { ok: false, couponId: choice, refusal: 'NOT_HELD' };
    if (named.refusal) return { ok: false, couponId: choice, refusal: named.refusal };
    chosen = named;
  }
  const coupon: PricingCoupon | null = chosen && pricingCoupon(chosen.coupon);
  return { ok: true, breakdown: priceCart({ ...input, coupon }), options, chosen };
}

/** Only the fields the price pipeline reads. */
function pricingCoupon(c: HeldCoupon): PricingCoupon {
  return { id: c.id, kind: c.kind, thresholdCents: c.thresholdCents, amountOffCents: c.amountOffCents, percentOffBp: c.percentOffBp, capCents: c.capCents };
}

const yuanText = (cents: number) => formatYuan(cents).replace(/\.?0+$/, '');

/**
 * A coupon's rule in words, for the shop and the admin: '满 100 减 20', '无门槛减 10 元',
 * '满 50 享 9 折，最多减 30 元', '8.5 折'.
 */
export function couponRuleText(c: { kind: PricingCoupon['kind']; thresholdCents: Cents; amountOffCents?: Cents | null; percentOffBp?: number | null; capCents?: Cents | null }): string {
  if (c.kind === 'AMOUNT_OFF') {
    const off = yuanText(c.amountOffCents ?? 0);
    return c.thresholdCents > 0 ? `满 ${yuanText(c.thresholdCents)} 减 ${off}` : `无门槛减 ${off} 元`;
  }
  const zhe = `${formatZhe(BP_SCALE - (c.percentOffBp ?? 0))} 折`;
  const head = c.thresholdCents > 0 ? `满 ${yuanText(c.thresholdCents)} 享 ${zhe}` : zhe;
  return c.capCents != null ? `${head}，最多减 ${yuanText(c.capCents)} 元` : head;
}
