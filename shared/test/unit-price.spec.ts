import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyRateBp, bestUnitPrice, priceCart, shopPrice, withPaidCard } from '../src';
import type { PricingBuyer, PricingLine, PricingMemberDay } from '../src';
import { GUEST, input, line, MEMBER } from './fixtures';

const PAID_DAY: PricingMemberDay = { id: 'md1', name: '会员日', audienceOk: true, categoryRatesBp: { c1: 8500 }, pointsMultiplierBp: 20000 };

describe('bestUnitPrice: one unit, as priceCart prices it', () => {
  it('a member pays the member price when the member-day rate is above it (the shop must not show 109.65)', () => {
    const sku = line('a', 12900, { memberPriceCents: 9900 });
    expect(bestUnitPrice(sku, MEMBER, [PAID_DAY])).toEqual({ unitPriceCents: 9900, source: 'MEMBER_PRICE', offer: { label: '会员价', sourceType: 'SKU', sourceId: 'sku-a' } });
    // without a card the rate is the best offer, and outside the audience there is none
    expect(bestUnitPrice(sku, GUEST, [PAID_DAY])).toMatchObject({ unitPriceCents: 10965, source: 'MEMBER_DAY_CATEGORY_RATE', offer: { label: '会员日 8.5 折', sourceId: 'md1' } });
    expect(bestUnitPrice(sku, GUEST, [{ ...PAID_DAY, audienceOk: false }])).toEqual({ unitPriceCents: 12900, source: 'LIST', offer: null });
  });

  it('takes the lower of a member day own price and its category rate', () => {
    const sku = line('a', 10000, { memberDayPrices: [{ memberDayId: 'md1', priceCents: 9000 }] });
    expect(bestUnitPrice(sku, GUEST, [PAID_DAY])).toMatchObject({ unitPriceCents: 8500, source: 'MEMBER_DAY_CATEGORY_RATE' });
    expect(bestUnitPrice({ ...sku, categoryId: 'c2' }, GUEST, [PAID_DAY])).toMatchObject({ unitPriceCents: 9000, source: 'MEMBER_DAY_PRICE' });
  });

  it('ties go to the member day, then the member price, then the tier', () => {
    const gold: PricingBuyer = { ...MEMBER, tierDiscountBp: 8500, tierId: 't', tierName: '金卡' };
    expect(bestUnitPrice(line('a', 10000, { memberPriceCents: 8500 }), gold, [PAID_DAY]).source).toBe('MEMBER_DAY_CATEGORY_RATE');
    expect(bestUnitPrice(line('a', 10000, { memberPriceCents: 8500 }), gold, []).source).toBe('MEMBER_PRICE');
    expect(bestUnitPrice(line('a', 10000), gold, [])).toEqual({ unitPriceCents: 8500, source: 'TIER_DISCOUNT', offer: { label: '金卡 8.5 折', sourceType: 'TIER', sourceId: 't' } });
  });

  it('withPaidCard opens the member days a card opens and leaves the others', () => {
    const tierDay = { ...PAID_DAY, id: 'md2', audienceOk: false, audienceOkAsMember: false };
    const { buyer, memberDays } = withPaidCard(GUEST, [{ ...PAID_DAY, audienceOk: false, audienceOkAsMember: true }, tierDay]);
    expect(buyer).toEqual({ ...GUEST, isMember: true });
    expect(memberDays.map((md) => md.audienceOk)).toEqual([true, false]);
  });
});

const CATEGORIES = ['c1', 'c2'];
const price = fc.integer({ min: 0, max: 200000 });
const lineArb: fc.Arbitrary<PricingLine> = fc
  .record({
    categoryId: fc.constantFrom(...CATEGORIES),
    qty: fc.integer({ min: 1, max: 20 }),
    listPriceCents: price,
    memberPriceCents: fc.option(price, { nil: null }),
    drawn: fc.array(fc.option(price, { nil: null }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ drawn, ...l }) => ({
    ...l,
    lineId: 'L',
    skuId: 'S',
    productId: 'P',
    memberDayPrices: drawn.flatMap((p, i) => (p === null ? [] : [{ memberDayId: `md${i}`, priceCents: p }])),
  }));
const memberDaysArb: fc.Arbitrary<PricingMemberDay[]> = fc
  .array(
    fc.record({
      audienceOk: fc.boolean(),
      audienceOkAsMember: fc.option(fc.boolean(), { nil: undefined }),
      categoryRatesBp: fc.dictionary(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 10000 })),
    }),
    { maxLength: 3 },
  )
  .map((mds) => mds.map((md, i) => ({ ...md, id: `md${i}`, name: '会员日', pointsMultiplierBp: 20000 })));
const buyerArb: fc.Arbitrary<PricingBuyer> = fc.record({
  isMember: fc.boolean(),
  tierDiscountBp: fc.oneof(fc.constant(10000), fc.integer({ min: 0, max: 10000 })),
  tierPointsMultiplierBp: fc.constant(10000),
  pointsBalance: fc.constant(0),
  tierId: fc.constant('t'),
  tierName: fc.constant('金卡'),
});
/** The line's member-day prices of the member days drawn (a line may not name a member day not in force). */
const caseArb = fc.tuple(lineArb, buyerArb, memberDaysArb).map(([l, buyer, memberDays]) => {
  const ids = new Set(memberDays.map((md) => md.id));
  return { line: { ...l, memberDayPrices: l.memberDayPrices!.filter((p) => ids.has(p.memberDayId)) }, buyer, memberDays };
});
const RUNS = { numRuns: 1000 };

describe('bestUnitPrice properties', () => {
  it('is the unit price, source and adjustment priceCart gives a one-line cart', () => {
    fc.assert(
      fc.property(caseArb, ({ line: l, buyer, memberDays }) => {
        const unit = bestUnitPrice(l, buyer, memberDays);
        const cart = priceCart(input({ lines: [l], buyer, memberDays }));
        assert.equal(unit.unitPriceCents, cart.lines[0].unitPriceCents);
        assert.equal(unit.source, cart.lines[0].priceSource);
        const adjustment = cart.adjustments.find((a) => a.lineId === l.lineId);
        assert.deepEqual(unit.offer, adjustment ? { label: adjustment.label, sourceType: adjustment.sourceType, sourceId: adjustment.sourceId } : null);
      }),
      RUNS,
    );
  });

  it('is the lowest eligible price (oracle), between 0 and the list price, whatever the quantity', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 50 }), ({ line: l, buyer, memberDays }, qty) => {
        const candidates = [l.listPriceCents, applyRateBp(l.listPriceCents, buyer.tierDiscountBp)];
        if (buyer.isMember && l.memberPriceCents !== null) candidates.push(l.memberPriceCents);
        for (const md of memberDays.filter((m) => m.audienceOk)) {
          const own = l.memberDayPrices?.find((p) => p.memberDayId === md.id);
          if (own) candidates.push(own.priceCents);
          if (Object.hasOwn(md.categoryRatesBp, l.categoryId)) candidates.push(applyRateBp(l.listPriceCents, md.categoryRatesBp[l.categoryId]));
        }
        const unit = bestUnitPrice(l, buyer, memberDays);
        assert.equal(unit.unitPriceCents, Math.min(...candidates));
        assert.ok(unit.unitPriceCents >= 0 && unit.unitPriceCents <= l.listPriceCents);
        const more: PricingLine = { ...l, qty };
        assert.deepEqual(bestUnitPrice(more, buyer, memberDays), unit);
      }),
      RUNS,
    );
  });

  it('a member never pays more than a non-member', () => {
    fc.assert(
      fc.property(caseArb, ({ line: l, buyer, memberDays }) => {
        const guest = bestUnitPrice(l, { ...buyer, isMember: false }, memberDays);
        const card = withPaidCard(buyer, memberDays);
        assert.ok(bestUnitPrice(l, card.buyer, card.memberDays).unitPriceCents <= guest.unitPriceCents);
      }),
      RUNS,
    );
  });

  it('a member day outside the audience changes nothing; one more member day never raises the price', () => {
    fc.assert(
      fc.property(caseArb, ({ line: l, buyer, memberDays }) => {
        const applying = memberDays.filter((md) => md.audienceOk);
        assert.deepEqual(bestUnitPrice(l, buyer, memberDays), bestUnitPrice(l, buyer, applying));
        for (let n = 0; n < applying.length; n++) {
          assert.ok(bestUnitPrice(l, buyer, applying.slice(0, n + 1)).unitPriceCents <= bestUnitPrice(l, buyer, applying.slice(0, n)).unitPriceCents);
        }
      }),
      RUNS,
    );
  });
});

describe('shopPrice: what a product page shows', () => {
  it('a non-member sees the price they pay and, beside it, what a card would make it (the member-day default price, not the plain member price)', () => {
    const nuts = line('a', 9900, { memberPriceCents: 8900, memberDayPrices: [{ memberDayId: 'md1', priceCents: 8415 }] });
    const paidDay = { ...PAID_DAY, audienceOk: false, audienceOkAsMember: true };
    expect(shopPrice(nuts, GUEST, [paidDay])).toEqual({ unitPriceCents: 9900, priceSource: 'LIST', priceLabel: null, memberUnitPriceCents: 8415 });
    expect(shopPrice(nuts, MEMBER, [PAID_DAY])).toEqual({ unitPriceCents: 8415, priceSource: 'MEMBER_DAY_PRICE', priceLabel: '会员日价', memberUnitPriceCents: 8415 });
    expect(shopPrice(nuts, MEMBER, [])).toEqual({ unitPriceCents: 8900, priceSource: 'MEMBER_PRICE', priceLabel: '会员价', memberUnitPriceCents: 8900 });
  });

  it('is bestUnitPrice for the buyer, and its saving for a non-member is the one-unit preview\'s memberSavingsCents (no shipping)', () => {
    const noShipping = { ...input().rules, shippingFeeCents: 0 };
    fc.assert(
      fc.property(caseArb, ({ line: l, buyer, memberDays }) => {
        const shown = shopPrice(l, buyer, memberDays);
        const own = bestUnitPrice(l, buyer, memberDays);
        assert.equal(shown.unitPriceCents, own.unitPriceCents);
        assert.equal(shown.priceSource, own.source);
        assert.ok(shown.memberUnitPriceCents <= shown.unitPriceCents);
        const one = { ...l, qty: 1 };
        const cart = priceCart(input({ lines: [one], buyer: { ...buyer, pointsBalance: 0 }, memberDays, rules: noShipping }));
        assert.equal(shown.unitPriceCents - shown.memberUnitPriceCents, cart.memberSavingsCents);
      }),
      RUNS,
    );
  });
});
