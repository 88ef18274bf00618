import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bestCouponOption, couponOptions, couponRuleText, couponStatus, priceCart, priceWithCoupons } from '../src';
import type { CouponBuyer, HeldCoupon, PricingInput } from '../src';
import { GUEST, input, line, MEMBER } from './fixtures';

const NOW = Date.UTC(2027, 2, 10);
const DAY = 86_400_000;
const BUYER: CouponBuyer = { nowMs: NOW, isMember: false, growth: 0 };

function held(id: string, more: Partial<HeldCoupon> = {}): HeldCoupon {
  return { id, kind: 'AMOUNT_OFF', amountOffCents: 1000, thresholdCents: 0, used: false, validFromMs: NOW - DAY, validUntilMs: NOW + DAY, audience: 'ALL', ...more };
}

describe('coupons: status and usability', () => {
  it('a used coupon is USED, an unused one past its end EXPIRED, else USABLE', () => {
    expect(couponStatus(held('a', { used: true, validUntilMs: NOW - 1 }), NOW)).toBe('USED');
    expect(couponStatus(held('a', { validUntilMs: NOW }), NOW)).toBe('EXPIRED');
    expect(couponStatus(held('a', { validUntilMs: NOW + 1 }), NOW)).toBe('USABLE');
  });

  it('says why a coupon does not apply: used, expired, not started, audience, tier, threshold', () => {
    const cart = input({ lines: [line('a', 5000)] });
    const refusals = couponOptions(
      cart,
      [
        held('1', { used: true }),
        held('2', { validUntilMs: NOW }),
        held('3', { validFromMs: NOW + 1 }),
        held('4', { audience: 'PAID_MEMBERS' }),
        held('5', { minTierGrowth: 500 }),
        held('6', { thresholdCents: 5001 }),
        held('7', { thresholdCents: 5000 }),
      ],
      BUYER,
    ).map((o) => o.refusal);
    expect(refusals).toEqual(['USED', 'EXPIRED', 'NOT_STARTED', 'MEMBERS_ONLY', 'TIER_TOO_LOW', 'THRESHOLD_NOT_MET', null]);
  });

  it('a members-only or tier coupon applies to a member with the growth', () => {
    const cart = input({ lines: [line('a', 5000)], buyer: MEMBER });
    const options = couponOptions(cart, [held('4', { audience: 'PAID_MEMBERS', minTierGrowth: 500 })], { nowMs: NOW, isMember: true, growth: 500 });
    expect(options[0].refusal).toBeNull();
  });

  it('the threshold compares with list-price goods (a member price does not lose it)', () => {
    const cart = input({ lines: [line('a', 10000, { memberPriceCents: 8000 })], buyer: MEMBER });
    const [o] = couponOptions(cart, [held('1', { thresholdCents: 10000, amountOffCents: 2000 })], { ...BUYER, isMember: true });
    expect(o).toMatchObject({ refusal: null, offCents: 2000 });
  });

  it('percent off is rounded half up, capped, and never more than the goods', () => {
    const cart = input({ lines: [line('a', 1005)] });
    const [pct, capped, big] = couponOptions(
      cart,
      [held('1', { kind: 'PERCENT_OFF', amountOffCents: undefined, percentOffBp: 1000 }), held('2', { kind: 'PERCENT_OFF', amountOffCents: undefined, percentOffBp: 5000, capCents: 300 }), held('3', { amountOffCents: 99999 })],
      BUYER,
    );
    expect([pct.offCents, capped.offCents, big.offCents]).toEqual([101, 300, 1005]);
  });
});

describe('coupons: the choice', () => {
  const cart = input({ lines: [line('a', 6000), line('b', 4000)] });
  const wallet = [held('1', { amountOffCents: 500 }), held('2', { amountOffCents: 1500, thresholdCents: 20000 }), held('3', { kind: 'PERCENT_OFF', amountOffCents: undefined, percentOffBp: 1000 })];

  it('absent: the best usable coupon; null: none; an id: that one', () => {
    const best = priceWithCoupons(cart, wallet, BUYER, undefined);
    assert.ok(best.ok);
    expect(best.breakdown.couponId).toBe('3');
    expect(best.breakdown.lines.map((l) => l.couponCents)).toEqual([600, 400]);
    const none = priceWithCoupons(cart, wallet, BUYER, null);
    assert.ok(none.ok);
    expect(none.breakdown.couponId).toBeNull();
    const named = priceWithCoupons(cart, wallet, BUYER, '1');
    assert.ok(named.ok);
    expect(named.breakdown.couponId).toBe('1');
  });

  it('an id the customer does not hold, or one that does not apply, is refused with the reason', () => {
    expect(priceWithCoupons(cart, wallet, BUYER, '9')).toEqual({ ok: false, couponId: '9', refusal: 'NOT_HELD' });
    expect(priceWithCoupons(cart, wallet, BUYER, '2')).toEqual({ ok: false, couponId: '2', refusal: 'THRESHOLD_NOT_MET' });
  });

  it('on equal amounts the coupon expiring first wins, then the lower id', () => {
    const options = couponOptions(cart, [held('10', { validUntilMs: NOW + 5 * DAY }), held('9', { validUntilMs: NOW + 5 * DAY }), held('11', { validUntilMs: NOW + 9 * DAY })], BUYER);
    expect(bestCouponOption(options)?.coupon.id).toBe('9');
    const sooner = couponOptions(cart, [held('1', { validUntilMs: NOW + 5 * DAY }), held('2', { validUntilMs: NOW + 2 * DAY })], BUYER);
    expect(bestCouponOption(sooner)?.coupon.id).toBe('2');
  });

  it('points apply after the coupon', () => {
    const r = priceWithCoupons({ ...cart, buyer: { ...GUEST, pointsBalance: 100_000 }, pointsRequested: 100_000 }, wallet, BUYER, '1');
    assert.ok(r.ok);
    // goods 10000 − coupon 500 = 9500; points at most 50 %: 4750
    expect(r.breakdown.pointsValueCents).toBe(4750);
    // goods of 100 yuan ship free (fixtures: threshold 99 yuan)
    expect(r.breakdown.payableCents).toBe(4750);
  });
});

// ---- properties ----

const couponArb = (id: string): fc.Arbitrary<HeldCoupon> =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constantFrom('AMOUNT_OFF' as const, 'PERCENT_OFF' as const),
    amountOffCents: fc.integer({ min: 1, max: 100_000 }),
    percentOffBp: fc.integer({ min: 1, max: 10_000 }),
    capCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
    thresholdCents: fc.integer({ min: 0, max: 200_000 }),
    used: fc.boolean(),
    validFromMs: fc.integer({ min: NOW - 10 * DAY, max: NOW + DAY }),
    validUntilMs: fc.integer({ min: NOW - DAY, max: NOW + 10 * DAY }),
    audience: fc.constantFrom('ALL' as const, 'PAID_MEMBERS' as const),
    minTierGrowth: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  });

const walletArb = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => couponArb(String(i + 1)))));

const cartArb: fc.Arbitrary<PricingInput> = fc
  .record({
    lines: fc.array(
      fc.record({ qty: fc.integer({ min: 1, max: 9 }), listPriceCents: fc.integer({ min: 0, max: 50_000 }), memberPriceCents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }) }),
      { minLength: 1, maxLength: 5 },
    ),
    isMember: fc.boolean(),
    tierDiscountBp: fc.integer({ min: 5000, max: 10_000 }),
    pointsBalance: fc.integer({ min: 0, max: 100_000 }),
    usePoints: fc.boolean(),
  })
  .map(({ lines, isMember, tierDiscountBp, pointsBalance, usePoints }) =>
    input({
      lines: lines.map((l, i) => line(`L${i}`, l.listPriceCents, { qty: l.qty, memberPriceCents: l.memberPriceCents })),
      buyer: { isMember, tierDiscountBp, tierPointsMultiplierBp: 10_000, pointsBalance },
      pointsRequested: usePoints ? pointsBalance : 0,
    }),
  );

const buyerArb = (cart: PricingInput) => fc.record({ nowMs: fc.constant(NOW), isMember: fc.constant(cart.buyer.isMember), growth: fc.integer({ min: 0, max: 1000 }) });
const caseArb = cartArb.chain((cart) => fc.tuple(fc.constant(cart), walletArb, buyerArb(cart)));
const RUNS = { numRuns: 500 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('coupons: properties', () => {
  it('the shares of the chosen coupon sum to its amount and no line goes below zero', () => {
    fc.assert(
      fc.property(caseArb, ([cart, wallet, buyer]) => {
        const r = priceWithCoupons(cart, wallet, buyer, undefined);
        assert.ok(r.ok);
        const off = r.chosen?.offCents ?? 0;
        assert.equal(sum(r.breakdown.lines.map((l) => l.couponCents)), off);
        for (const l of r.breakdown.lines) {
          assert.ok(l.couponCents >= 0 && l.couponCents <= l.goodsCents - l.lineDiscountCents);
          assert.ok(l.cashPaidCents >= 0);
        }
        assert.equal(r.breakdown.couponId, r.chosen && off > 0 ? r.chosen.coupon.id : null);
      }),
      RUNS,
    );
  });

  it('the best coupon is best: no usable coupon gives a lower payable, and refused ones are refused by name', () => {
    fc.assert(
      fc.property(caseArb, ([cart, wallet, buyer]) => {
        const best = priceWithCoupons(cart, wallet, buyer, undefined);
        assert.ok(best.ok);
        for (const o of best.options) {
          const named = priceWithCoupons(cart, wallet, buyer, o.coupon.id);
          if (o.refusal) {
            assert.deepEqual(named, { ok: false, couponId: o.coupon.id, refusal: o.refusal });
            continue;
          }
          assert.ok(named.ok);
          assert.ok(best.breakdown.payableCents <= named.breakdown.payableCents);
          assert.ok(best.chosen && best.chosen.offCents >= o.offCents);
        }
        const none = priceWithCoupons(cart, wallet, buyer, null);
        assert.ok(none.ok);
        assert.deepEqual(none.breakdown, priceCart(cart));
        assert.ok(best.breakdown.payableCents <= none.breakdown.payableCents);
      }),
      RUNS,
    );
  });
});

describe('coupons: the rule in words', () => {
  it('says amount and percent coupons the way the shop shows them', () => {
    expect(couponRuleText({ kind: 'AMOUNT_OFF', amountOffCents: 2000, thresholdCents: 10000 })).toBe('满 100 减 20');
    expect(couponRuleText({ kind: 'AMOUNT_OFF', amountOffCents: 1050, thresholdCents: 0 })).toBe('无门槛减 10.5 元');
    expect(couponRuleText({ kind: 'PERCENT_OFF', percentOffBp: 1000, thresholdCents: 5000, capCents: 3000 })).toBe('满 50 享 9 折，最多减 30 元');
    expect(couponRuleText({ kind: 'PERCENT_OFF', percentOffBp: 1500, thresholdCents: 0, capCents: null })).toBe('8.5 折');
  });
});
