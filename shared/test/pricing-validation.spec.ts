import { priceCart, PricingInputError } from '../src';
import type { PricingInput, PricingMemberDay } from '../src';
import { input, line, RULES } from './fixtures';

function errorOf(bad: unknown): PricingInputError {
  try {
    priceCart(bad as PricingInput);
  } catch (e) {
    expect(e).toBeInstanceOf(PricingInputError);
    return e as PricingInputError;
  }
  throw new Error('expected a PricingInputError');
}

const MD: PricingMemberDay = { id: 'm', name: '', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 10000 };

const withLine = (more: Record<string, unknown>) => input({ lines: [{ ...line('a', 100), ...more } as never] });

describe('priceCart input validation', () => {
  it.each<[string, unknown]>([
    ['input', null],
    ['input', []],
    ['lines', { ...input(), lines: undefined }],
    ['lines[0]', input({ lines: [null as never] })],
    ['lines[0].qty', withLine({ qty: 0 })],
    ['lines[0].qty', withLine({ qty: -1 })],
    ['lines[0].qty', withLine({ qty: 1.5 })],
    ['lines[0].qty', withLine({ qty: '2' })],
    ['lines[0].qty', withLine({ qty: NaN })],
    ['lines[0].listPriceCents', withLine({ listPriceCents: -1 })],
    ['lines[0].listPriceCents', withLine({ listPriceCents: 19.9 })],
    ['lines[0].listPriceCents', withLine({ listPriceCents: Infinity })],
    ['lines[0].memberPriceCents', withLine({ memberPriceCents: -5 })],
    ['lines[0].memberPriceCents', withLine({ memberPriceCents: undefined })],
    ['lines[0].memberDayPrices', withLine({ memberDayPrices: {} })],
    ['lines[0].memberDayPrices[0].memberDayId', withLine({ memberDayPrices: [{ memberDayId: 'nope', priceCents: 1 }] })],
    ['lines[0].memberDayPrices[0].priceCents', input({ memberDays: [MD], lines: [line('a', 1, { memberDayPrices: [{ memberDayId: 'm', priceCents: 0.1 }] })] })],
    ['lines[0].memberDayPrices[1].memberDayId', input({ memberDays: [MD], lines: [line('a', 1, { memberDayPrices: [{ memberDayId: 'm', priceCents: 1 }, { memberDayId: 'm', priceCents: 2 }] })] })],
    ['lines[0].lineId', withLine({ lineId: '' })],
    ['lines[0].skuId', withLine({ skuId: 7 })],
    ['lines[0].productId', withLine({ productId: null })],
    ['lines[0].categoryId', withLine({ categoryId: undefined })],
    ['lines[0].memberOnly', withLine({ memberOnly: 'yes' })],
    ['lines[0].requiresShipping', withLine({ requiresShipping: 0 })],
    ['lines[1].lineId', input({ lines: [line('a', 1), line('a', 2)] })],
    ['lines[1].qty', input({ lines: [line('a', 2 ** 40), line('b', 2 ** 40, { qty: 2 ** 13 })] })],
    ['buyer', input({ buyer: null as never })],
    ['buyer.isMember', input({ buyer: { ...input().buyer, isMember: 1 as never } })],
    ['buyer.tierDiscountBp', input({ buyer: { ...input().buyer, tierDiscountBp: 10001 } })],
    ['buyer.tierDiscountBp', input({ buyer: { ...input().buyer, tierDiscountBp: -1 } })],
    ['buyer.tierPointsMultiplierBp', input({ buyer: { ...input().buyer, tierPointsMultiplierBp: 1_000_001 } })],
    ['buyer.pointsBalance', input({ buyer: { ...input().buyer, pointsBalance: -1 } })],
    ['buyer.tierName', input({ buyer: { ...input().buyer, tierName: '' } })],
    ['memberDays', input({ memberDays: 'today' as never })],
    ['memberDays', input({ memberDays: null as never })],
    ['memberDays[0]', input({ memberDays: ['today' as never] })],
    ['memberDays[1].id', input({ memberDays: [MD, MD] })],
    ['memberDays[0].id', input({ memberDays: [{ id: '', name: '', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 10000 }] })],
    ['memberDays[0].audienceOk', input({ memberDays: [{ id: 'm', name: '', audienceOk: undefined as never, categoryRatesBp: {}, pointsMultiplierBp: 10000 }] })],
    ['memberDays[0].categoryRatesBp', input({ memberDays: [{ id: 'm', name: '', audienceOk: true, categoryRatesBp: null as never, pointsMultiplierBp: 10000 }] })],
    ['memberDays[0].categoryRatesBp.c1', input({ memberDays: [{ id: 'm', name: '', audienceOk: true, categoryRatesBp: { c1: 12000 }, pointsMultiplierBp: 10000 }] })],
    ['memberDays[0].pointsMultiplierBp', input({ memberDays: [{ id: 'm', name: '', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: -1 }] })],
    ['coupon.kind', input({ coupon: { id: 'c', kind: 'FREE' as never, thresholdCents: 0 } })],
    ['coupon.id', input({ coupon: { id: '', kind: 'AMOUNT_OFF', thresholdCents: 0, amountOffCents: 1 } })],
    ['coupon.thresholdCents', input({ coupon: { id: 'c', kind: 'AMOUNT_OFF', thresholdCents: -1, amountOffCents: 1 } })],
    ['coupon.amountOffCents', input({ coupon: { id: 'c', kind: 'AMOUNT_OFF', thresholdCents: 0 } })],
    ['coupon.amountOffCents', input({ coupon: { id: 'c', kind: 'AMOUNT_OFF', thresholdCents: 0, amountOffCents: 0 } })],
    ['coupon.percentOffBp', input({ coupon: { id: 'c', kind: 'PERCENT_OFF', thresholdCents: 0, percentOffBp: 10001 } })],
    ['coupon.percentOffBp', input({ coupon: { id: 'c', kind: 'PERCENT_OFF', thresholdCents: 0 } })],
    ['coupon.capCents', input({ coupon: { id: 'c', kind: 'PERCENT_OFF', thresholdCents: 0, percentOffBp: 1000, capCents: -1 } })],
    ['pointsRequested', input({ pointsRequested: -1 })],
    ['pointsRequested', input({ pointsRequested: undefined as never })],
    ['rules', input({ rules: undefined as never })],
    ['rules.pointsValueCentsPer100', input({ rules: { ...RULES, pointsValueCentsPer100: 0 } })],
    ['rules.pointsValueCentsPer100', input({ rules: { ...RULES, pointsValueCentsPer100: 30 } })],
    ['rules.pointsValueCentsPer100', input({ rules: { ...RULES, pointsValueCentsPer100: 200 } })],
    ['rules.pointsMaxSpendBp', input({ rules: { ...RULES, pointsMaxSpendBp: 10001 } })],
    ['rules.pointsPerYuanEarned', input({ rules: { ...RULES, pointsPerYuanEarned: 0.5 } })],
    ['rules.shippingFeeCents', input({ rules: { ...RULES, shippingFeeCents: -1 } })],
    ['rules.freeShippingThresholdCents', input({ rules: { ...RULES, freeShippingThresholdCents: undefined as never } })],
    ['rules.memberFreeShipping', input({ rules: { ...RULES, memberFreeShipping: undefined as never } })],
  ])('rejects bad %s', (path, bad) => {
    const error = errorOf(bad);
    expect(error.path).toBe(path);
    expect(error.name).toBe('PricingInputError');
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('accepts every valid optional form', () => {
    expect(() =>
      priceCart(
        input({
          lines: [line('a', 0, { memberOnly: false, requiresShipping: true, memberPriceCents: 0, memberDayPrices: [{ memberDayId: 'm', priceCents: 0 }] })],
          buyer: { isMember: true, tierDiscountBp: 0, tierPointsMultiplierBp: 0, pointsBalance: 0, tierId: null, tierName: null },
          memberDays: [
            { id: 'm', name: '', audienceOk: false, audienceOkAsMember: false, categoryRatesBp: { c1: 0 }, pointsMultiplierBp: 1_000_000 },
            { id: 'n', name: '', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 0 },
          ],
          coupon: { id: 'c', kind: 'PERCENT_OFF', thresholdCents: 0, percentOffBp: 10000 },
          rules: { ...RULES, pointsValueCentsPer100: 1, pointsMaxSpendBp: 10000, freeShippingThresholdCents: 0, shippingFeeCents: 0 },
        }),
      ),
    ).not.toThrow();
  });

  it('handles large but safe amounts exactly', () => {
    const result = priceCart(
      input({
        lines: [line('a', 2 ** 31 - 1, { qty: 1000 })],
        buyer: { isMember: false, tierDiscountBp: 9999, tierPointsMultiplierBp: 1_000_000, pointsBalance: 2 ** 50 },
        memberDays: [{ id: 'm', name: '', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 1_000_000 }],
        pointsRequested: 2 ** 50,
      }),
    );
    // unit: round(2147483647 × 0.9999) = 2147268898.6353 → 2147268899; goods after line 2147268899000
    expect(result.lines[0].unitPriceCents).toBe(2147268899);
    expect(result.pointsValueCents).toBe(1073634449500);
    expect(result.payableCents).toBe(1073634449500);
    expect(result.pointsToEarn).toBe(107363444950000); // 10736344495 yuan × 100 × 100
  });
});
