import { applyRateBp, BP_SCALE, mulDivFloor, prorate } from '../money';
import type { Cents } from '../money';
import type {
  Adjustment,
  AdjustmentKind,
  AdjustmentSourceType,
  PriceBreakdown,
  PricedLine,
  PriceSource,
  PricingCoupon,
  PricingInput,
  PricingLine,
  PricingMemberDay,
} from './types';
import { bestUnitPrice, withPaidCard } from './unit-price';
import { PricingInputError, validatePricingInput } from './validate';

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function orderLevel(
  kind: AdjustmentKind,
  offCents: Cents,
  label: string,
  sourceType: AdjustmentSourceType,
  sourceId: string | null,
): Adjustment {
  return { kind, lineId: null, amountCents: -offCents, label, sourceType, sourceId };
}

/**
 * The one price pipeline (architecture.md "The price pipeline"):
 *
 * 1. goods: list price × qty;
 * 2. line price, per unit (bestUnitPrice): the lowest of list, member price (members), the
 *    member-day price and category rate of every member day in force whose audience includes the
 *    buyer, tier rate; they never stack. Rates are applied to the list unit price, rounded half
 *    up once per unit. Ties go to the earlier of: each member day in input order (its price, then
 *    its category rate), member price, tier rate. The adjustment names the member day that gave
 *    the price (sourceId);
 * 3. coupon, on the goods after line prices, prorated to lines by largest remainder;
 * 4. points: min(requested, balance, floor(pointsMaxSpendBp × goods after coupon)), in whole
 *    fen, prorated to lines by what is left of each;
 * 5. shipping: the flat fee when any line ships, waived by the free-shipping threshold, else by
 *    the member perk;
 * 6. totals, pointsToEarn (the highest multiplier among the member days that apply to the buyer),
 *    memberDayId (the applying member day that took the most off) and memberSavingsCents (the
 *    same function as a paid member, diffed: member days open to card holders count there).
 *
 * Thresholds (coupon, free shipping) compare with `goodsCents`, the list-price total, not with
 * the discounted amount: that keeps them independent of membership, so a card never costs a
 * buyer a coupon or free shipping, and a member never pays more than a non-member.
 *
 * Throws PricingInputError on malformed input.
 */
export function priceCart(input: PricingInput): PriceBreakdown {
  validatePricingInput(input);
  const own = priceOnce(input);
  const memberSavingsCents = input.buyer.isMember
    ? 0
    : own.payableCents - priceOnce(asPaidMember(input)).payableCents;
  return { ...own, memberSavingsCents };
}

/** The same input with the buyer holding a paid card: every member day a card opens is open. */
export function asPaidMember(input: PricingInput): PricingInput {
  return { ...input, ...withPaidCard(input.buyer, input.memberDays) };
}

interface LineWork {
  unitPriceCents: Cents;
  priceSource: PriceSource;
  adjustment: Adjustment | null;
}

function linePrice(line: PricingLine, buyer: PricingInput['buyer'], memberDays: readonly PricingMemberDay[]): LineWork {
  const unit = bestUnitPrice(line, buyer, memberDays);
  if (unit.source === 'LIST' || unit.offer === null) return { unitPriceCents: unit.unitPriceCents, priceSource: 'LIST', adjustment: null };
  const { label, sourceType, sourceId } = unit.offer;
  const amountCents = (unit.unitPriceCents - line.listPriceCents) * line.qty;
  return { unitPriceCents: unit.unitPriceCents, priceSource: unit.source, adjustment: { kind: unit.source, lineId: line.lineId, amountCents, label, sourceType, sourceId } };
}

/** Of the member days that apply, the one whose line prices took the most off; ties to the earlier. */
function mainMemberDay(memberDays: readonly PricingMemberDay[], adjustments: readonly Adjustment[]): string | null {
  let best: { id: string; offCents: number } | null = null;
  for (const md of memberDays) {
    const offCents = -sum(adjustments.filter((a) => a.sourceType === 'MEMBER_DAY' && a.sourceId === md.id).map((a) => a.amountCents));
    if (best === null || offCents > best.offCents) best = { id: md.id, offCents };
  }
  return best && best.id;
}

/**
 * What a coupon takes off an order: nothing below the threshold (compared with `goodsCents`, the
 * list-price total, see priceCart); AMOUNT_OFF its amount, PERCENT_OFF the rate of `baseCents`
 * rounded half up, at most `capCents`; never more than `baseCents` (the goods after line prices).
 */
export function couponOffCents(coupon: PricingCoupon, goodsCents: Cents, baseCents: Cents): Cents {
  if (goodsCents < coupon.thresholdCents) return 0;
  if (coupon.kind === 'AMOUNT_OFF') return Math.min(coupon.amountOffCents ?? 0, baseCents);
  const off = applyRateBp(baseCents, coupon.percentOffBp ?? 0);
  return coupon.capCents == null ? off : Math.min(off, coupon.capCents);
}

function pointsToSpend(input: PricingInput, baseCents: Cents): { points: number; valueCents: Cents } {
  const { rules } = input;
  // Validation makes pointsValueCentsPer100 divide 100, so the smallest spend is this many points = 1 fen.
  const pointsPerFen = 100 / rules.pointsValueCentsPer100;
  const capCents = mulDivFloor(baseCents, rules.pointsMaxSpendBp, BP_SCALE);
  const usable = Math.min(input.pointsRequested, input.buyer.pointsBalance);
  const fen = Math.min((usable - (usable % pointsPerFen)) / pointsPerFen, capCents);
  return { points: fen * pointsPerFen, valueCents: fen };
}

function priceOnce(input: PricingInput): Omit<PriceBreakdown, 'memberSavingsCents'> {
  const { lines, buyer, rules, coupon } = input;
  const memberDays = input.memberDays.filter((md) => md.audienceOk);
  const adjustments: Adjustment[] = [];

  // 1–2. goods and line price
  const work = lines.map((l) => linePrice(l, buyer, memberDays));
  const goods = lines.map((l) => l.listPriceCents * l.qty);
  const afterLine = lines.map((l, i) => work[i].unitPriceCents * l.qty);
  for (const w of work) if (w.adjustment) adjustments.push(w.adjustment);
  const goodsCents = sum(goods);

  // 3. coupon
  const couponCents = coupon ? couponOffCents(coupon, goodsCents, sum(afterLine)) : 0;
  const couponShares = prorate(couponCents, afterLine);
  if (coupon && couponCents > 0) {
    adjustments.push(orderLevel('COUPON', couponCents, '优惠券', 'COUPON', coupon.id));
  }

  // 4. points
  const afterCoupon = afterLine.map((a, i) => a - couponShares[i]);
  const points = pointsToSpend(input, sum(afterCoupon));
  const pointsShares = prorate(points.valueCents, afterCoupon);
  if (points.valueCents > 0) {
    adjustments.push(orderLevel('POINTS', points.valueCents, '积分抵扣', 'POINTS', null));
  }

  // 5. shipping
  const shippingCents = lines.some((l) => l.requiresShipping !== false) ? rules.shippingFeeCents : 0;
  let shippingPaidCents = shippingCents;
  if (shippingCents > 0) {
    const threshold = rules.freeShippingThresholdCents;
    if (threshold !== null && goodsCents >= threshold) {
      adjustments.push(orderLevel('SHIPPING_WAIVER', shippingCents, '满额包邮', 'STORE_RULE', null));
      shippingPaidCents = 0;
    } else if (buyer.isMember && rules.memberFreeShipping) {
      adjustments.push(orderLevel('SHIPPING_WAIVER', shippingCents, '会员包邮', 'MEMBER_PERK', null));
      shippingPaidCents = 0;
    }
  }

  // 6. totals
  const priced: PricedLine[] = lines.map((l, i) => ({
    lineId: l.lineId,
    skuId: l.skuId,
    productId: l.productId,
    categoryId: l.categoryId,
    qty: l.qty,
    listPriceCents: l.listPriceCents,
    unitPriceCents: work[i].unitPriceCents,
    priceSource: work[i].priceSource,
    goodsCents: goods[i],
    lineDiscountCents: goods[i] - afterLine[i],
    couponCents: couponShares[i],
    pointsCents: pointsShares[i],
    cashPaidCents: afterCoupon[i] - pointsShares[i],
    requiresMembership: l.memberOnly === true && !buyer.isMember,
  }));
  const cashGoodsCents = sum(priced.map((l) => l.cashPaidCents));
  const payableCents = cashGoodsCents + shippingPaidCents;
  const discountCents = -sum(adjustments.filter((a) => a.kind !== 'POINTS').map((a) => a.amountCents)) || 0;

  // 1 point per yuan × tier multiplier × member-day multiplier, floored once. Member days do not
  // stack: the highest multiplier among those that apply to the buyer.
  const memberDayMultiplierBp = memberDays.length ? Math.max(...memberDays.map((md) => md.pointsMultiplierBp)) : BP_SCALE;
  const multiplierBp = buyer.tierPointsMultiplierBp * memberDayMultiplierBp;
  const earnBase = cashGoodsCents * rules.pointsPerYuanEarned;
  if (!Number.isSafeInteger(earnBase)) {
    throw new PricingInputError('rules.pointsPerYuanEarned', 'points to earn are too large');
  }
  const pointsToEarn = mulDivFloor(earnBase, multiplierBp, 100 * BP_SCALE * BP_SCALE);

  return {
    lines: priced,
    adjustments,
    goodsCents,
    discountCents,
    shippingCents,
    shippingPaidCents,
    pointsUsed: points.points,
    pointsValueCents: points.valueCents,
    payableCents,
    pointsToEarn,
    couponId: coupon && couponCents > 0 ? coupon.id : null,
    memberDayId: mainMemberDay(memberDays, adjustments),
    requiresMembership: priced.some((l) => l.requiresMembership),
  };
}
