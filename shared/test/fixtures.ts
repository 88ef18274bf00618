import type { PricingBuyer, PricingInput, PricingLine, StoreRules } from '../src';

export const RULES: StoreRules = {
  pointsValueCentsPer100: 100,
  pointsMaxSpendBp: 5000,
  pointsPerYuanEarned: 1,
  shippingFeeCents: 1000,
  freeShippingThresholdCents: 9900,
  memberFreeShipping: true,
};

export const GUEST: PricingBuyer = { isMember: false, tierDiscountBp: 10000, tierPointsMultiplierBp: 10000, pointsBalance: 0 };
export const MEMBER: PricingBuyer = { ...GUEST, isMember: true };

export function line(lineId: string, listPriceCents: number, more: Partial<PricingLine> = {}): PricingLine {
  return {
    lineId,
    skuId: `sku-${lineId}`,
    productId: `p-${lineId}`,
    categoryId: 'c1',
    qty: 1,
    listPriceCents,
    memberPriceCents: null,
    ...more,
  };
}

export function input(more: Partial<PricingInput> = {}): PricingInput {
  return { lines: [], buyer: GUEST, memberDays: [], coupon: null, pointsRequested: 0, rules: RULES, ...more };
}
