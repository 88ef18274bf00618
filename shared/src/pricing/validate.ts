import { BP_SCALE, MAX_MULTIPLIER_BP } from '../money';
import type { PricingInput } from './types';

/** The input to priceCart is malformed; `path` names the field (e.g. `lines[2].qty`). */
export class PricingInputError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'PricingInputError';
    this.path = path;
  }
}

function fail(path: string, message: string): never {
  throw new PricingInputError(path, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function intIn(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(path, max === Number.MAX_SAFE_INTEGER ? `must be an integer ≥ ${min}` : `must be an integer in [${min}, ${max}]`);
  }
  return value;
}

function centsOrNull(value: unknown, path: string): void {
  if (value !== null) intIn(value, path, 0);
}

function str(value: unknown, path: string, nonEmpty = true): void {
  if (typeof value !== 'string' || (nonEmpty && value.length === 0)) fail(path, 'must be a non-empty string');
}

function bool(value: unknown, path: string): void {
  if (typeof value !== 'boolean') fail(path, 'must be a boolean');
}

/** Divisors of 100: a point is worth a whole fraction of a fen, so every fen of the cap is payable. */
export const POINT_VALUES: readonly number[] = [1, 2, 4, 5, 10, 20, 25, 50, 100];

export function validatePricingInput(input: PricingInput): void {
  if (!isObject(input)) fail('input', 'must be an object');
  const { lines, buyer, memberDays, coupon, rules } = input;

  if (!Array.isArray(memberDays)) fail('memberDays', 'must be an array');
  const memberDayIds = new Set<string>();
  memberDays.forEach((memberDay: unknown, i) => {
    const p = `memberDays[${i}]`;
    if (!isObject(memberDay)) fail(p, 'must be an object');
    str(memberDay.id, `${p}.id`);
    if (memberDayIds.has(memberDay.id as string)) fail(`${p}.id`, 'must be unique');
    memberDayIds.add(memberDay.id as string);
    str(memberDay.name, `${p}.name`, false);
    bool(memberDay.audienceOk, `${p}.audienceOk`);
    if (memberDay.audienceOkAsMember !== undefined) bool(memberDay.audienceOkAsMember, `${p}.audienceOkAsMember`);
    if (!isObject(memberDay.categoryRatesBp)) fail(`${p}.categoryRatesBp`, 'must be an object');
    for (const [categoryId, bp] of Object.entries(memberDay.categoryRatesBp)) {
      intIn(bp, `${p}.categoryRatesBp.${categoryId}`, 0, BP_SCALE);
    }
    intIn(memberDay.pointsMultiplierBp, `${p}.pointsMultiplierBp`, 0, MAX_MULTIPLIER_BP);
  });

  if (!Array.isArray(lines)) fail('lines', 'must be an array');
  const ids = new Set<string>();
  let goods = 0;
  lines.forEach((line: unknown, i) => {
    const p = `lines[${i}]`;
    if (!isObject(line)) fail(p, 'must be an object');
    str(line.lineId, `${p}.lineId`);
    if (ids.has(line.lineId as string)) fail(`${p}.lineId`, 'must be unique');
    ids.add(line.lineId as string);
    str(line.skuId, `${p}.skuId`);
    str(line.productId, `${p}.productId`);
    str(line.categoryId, `${p}.categoryId`);
    const qty = intIn(line.qty, `${p}.qty`, 1);
    const list = intIn(line.listPriceCents, `${p}.listPriceCents`, 0);
    centsOrNull(line.memberPriceCents, `${p}.memberPriceCents`);
    if (line.memberDayPrices !== undefined) {
      if (!Array.isArray(line.memberDayPrices)) fail(`${p}.memberDayPrices`, 'must be an array');
      const seen = new Set<string>();
      line.memberDayPrices.forEach((price: unknown, j) => {
        const q = `${p}.memberDayPrices[${j}]`;
        if (!isObject(price)) fail(q, 'must be an object');
        str(price.memberDayId, `${q}.memberDayId`);
        if (!memberDayIds.has(price.memberDayId as string)) fail(`${q}.memberDayId`, 'must name one of memberDays');
        if (seen.has(price.memberDayId as string)) fail(`${q}.memberDayId`, 'must be unique in the line');
        seen.add(price.memberDayId as string);
        intIn(price.priceCents, `${q}.priceCents`, 0);
      });
    }
    if (line.memberOnly !== undefined) bool(line.memberOnly, `${p}.memberOnly`);
    if (line.requiresShipping !== undefined) bool(line.requiresShipping, `${p}.requiresShipping`);
    goods += list * qty;
    if (!Number.isSafeInteger(goods)) fail(`${p}.qty`, 'goods amount is too large');
  });

  if (!isObject(buyer)) fail('buyer', 'must be an object');
  bool(buyer.isMember, 'buyer.isMember');
  intIn(buyer.tierDiscountBp, 'buyer.tierDiscountBp', 0, BP_SCALE);
  intIn(buyer.tierPointsMultiplierBp, 'buyer.tierPointsMultiplierBp', 0, MAX_MULTIPLIER_BP);
  intIn(buyer.pointsBalance, 'buyer.pointsBalance', 0);
  if (buyer.tierId != null) str(buyer.tierId, 'buyer.tierId');
  if (buyer.tierName != null) str(buyer.tierName, 'buyer.tierName');

  if (coupon !== null) {
    if (!isObject(coupon)) fail('coupon', 'must be an object or null');
    str(coupon.id, 'coupon.id');
    intIn(coupon.thresholdCents, 'coupon.thresholdCents', 0);
    if (coupon.kind === 'AMOUNT_OFF') {
      intIn(coupon.amountOffCents, 'coupon.amountOffCents', 1);
    } else if (coupon.kind === 'PERCENT_OFF') {
      intIn(coupon.percentOffBp, 'coupon.percentOffBp', 1, BP_SCALE);
      if (coupon.capCents != null) intIn(coupon.capCents, 'coupon.capCents', 0);
    } else {
      fail('coupon.kind', "must be 'AMOUNT_OFF' or 'PERCENT_OFF'");
    }
  }

  intIn(input.pointsRequested, 'pointsRequested', 0);

  if (!isObject(rules)) fail('rules', 'must be an object');
  if (!POINT_VALUES.includes(rules.pointsValueCentsPer100 as number)) {
    fail('rules.pointsValueCentsPer100', `must be one of ${POINT_VALUES.join(', ')}`);
  }
  intIn(rules.pointsMaxSpendBp, 'rules.pointsMaxSpendBp', 0, BP_SCALE);
  intIn(rules.pointsPerYuanEarned, 'rules.pointsPerYuanEarned', 0, 10_000);
  intIn(rules.shippingFeeCents, 'rules.shippingFeeCents', 0);
  centsOrNull(rules.freeShippingThresholdCents, 'rules.freeShippingThresholdCents');
  bool(rules.memberFreeShipping, 'rules.memberFreeShipping');
}
