import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyRateBp, asPaidMember, priceCart } from '../src';
import type { PriceBreakdown, PricingCoupon, PricingInput, PricingLine, PricingMemberDay, StoreRules } from '../src';

const CATEGORIES = ['c1', 'c2', 'c3'];
const price = fc.integer({ min: 0, max: 200000 });
const optionalPrice = fc.option(price, { nil: null });

const MEMBER_DAY_IDS = ['md0', 'md1', 'md2'];

// Each line draws a possible member-day price per possible member day; inputArb keeps those of the member days drawn.
type DrawnLine = Omit<PricingLine, 'memberDayPrices'> & { drawnMemberDayPrices: (number | null)[] };
const linesArb: fc.Arbitrary<DrawnLine[]> = fc
  .array(
    fc.record({
      categoryId: fc.constantFrom(...CATEGORIES),
      qty: fc.integer({ min: 1, max: 20 }),
      listPriceCents: price,
      memberPriceCents: optionalPrice,
      drawnMemberDayPrices: fc.array(optionalPrice, { minLength: MEMBER_DAY_IDS.length, maxLength: MEMBER_DAY_IDS.length }),
      memberOnly: fc.boolean(),
      requiresShipping: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .map((lines) => lines.map((l, i) => ({ ...l, lineId: `L${i}`, skuId: `S${i}`, productId: `P${i}` })));

const bpArb = fc.oneof(fc.constant(10000), fc.integer({ min: 0, max: 10000 }));
const multiplierArb = fc.oneof(fc.constantFrom(10000, 12000, 15000, 20000), fc.integer({ min: 0, max: 1_000_000 }));

// Up to three member days in force at once, each with its own audience, rates and multiplier.
const memberDaysArb: fc.Arbitrary<PricingMemberDay[]> = fc
  .array(
    fc.record({
      name: fc.constant('会员日'),
      audienceOk: fc.boolean(),
      audienceOkAsMember: fc.option(fc.boolean(), { nil: undefined }),
      categoryRatesBp: fc.dictionary(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 10000 })),
      pointsMultiplierBp: multiplierArb,
    }),
    { maxLength: MEMBER_DAY_IDS.length },
  )
  .map((mds) => mds.map((md, i) => ({ ...md, id: MEMBER_DAY_IDS[i] })));

const couponArb: fc.Arbitrary<PricingCoupon | null> = fc.option(
  fc.oneof(
    fc.record({
      id: fc.constant('cp'),
      kind: fc.constant('AMOUNT_OFF' as const),
      thresholdCents: fc.integer({ min: 0, max: 500000 }),
      amountOffCents: fc.integer({ min: 1, max: 300000 }),
    }),
    fc.record({
      id: fc.constant('cp'),
      kind: fc.constant('PERCENT_OFF' as const),
      thresholdCents: fc.integer({ min: 0, max: 500000 }),
      percentOffBp: fc.integer({ min: 1, max: 10000 }),
      capCents: fc.option(fc.integer({ min: 0, max: 300000 }), { nil: null }),
    }),
  ),
  { nil: null },
);

const rulesArb: fc.Arbitrary<StoreRules> = fc.record({
  pointsValueCentsPer100: fc.constantFrom(1, 2, 4, 5, 10, 20, 25, 50, 100),
  pointsMaxSpendBp: bpArb,
  pointsPerYuanEarned: fc.integer({ min: 0, max: 5 }),
  shippingFeeCents: fc.integer({ min: 0, max: 3000 }),
  freeShippingThresholdCents: fc.option(fc.integer({ min: 0, max: 500000 }), { nil: null }),
  memberFreeShipping: fc.boolean(),
});

const inputArb: fc.Arbitrary<PricingInput> = fc
  .record({
    lines: linesArb,
    buyer: fc.record({
      isMember: fc.boolean(),
      tierDiscountBp: bpArb,
      tierPointsMultiplierBp: multiplierArb,
      pointsBalance: fc.integer({ min: 0, max: 1_000_000 }),
      tierId: fc.constant('t'),
      tierName: fc.constant('金卡'),
    }),
    memberDays: memberDaysArb,
    coupon: couponArb,
    pointsRequested: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
    rules: rulesArb,
  })
  .map(({ lines, ...rest }) => ({
    ...rest,
    lines: lines.map(({ drawnMemberDayPrices, ...l }): PricingLine => ({
      ...l,
      memberDayPrices: rest.memberDays.flatMap((md, i) => (drawnMemberDayPrices[i] === null ? [] : [{ memberDayId: md.id, priceCents: drawnMemberDayPrices[i]! }])),
    })),
  }));

/** The member days whose audience includes the buyer. */
const applying = (input: PricingInput) => input.memberDays.filter((md) => md.audienceOk);

/** A member day's best unit price for a line (null: it offers nothing). */
function memberDayOffer(md: PricingMemberDay, l: PricingLine): number | null {
  const candidates: number[] = [];
  const own = l.memberDayPrices?.find((p) => p.memberDayId === md.id);
  if (own) candidates.push(own.priceCents);
  if (Object.hasOwn(md.categoryRatesBp, l.categoryId)) candidates.push(applyRateBp(l.listPriceCents, md.categoryRatesBp[l.categoryId]));
  return candidates.length ? Math.min(...candidates) : null;
}

// A plain in-realm copy (fast-check builds null-prototype records; strict deepEqual compares prototypes).
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const RUNS = { numRuns: 1000 };

function check(property: (input: PricingInput, result: PriceBreakdown) => void) {
  fc.assert(
    fc.property(inputArb, (input) => property(input, priceCart(input))),
    RUNS,
  );
}

describe('priceCart properties (architecture.md "The price pipeline")', () => {
  it('allocations sum to their totals', () => {
    check((input, r) => {
      const coupon = 0 - sum(r.adjustments.filter((a) => a.kind === 'COUPON').map((a) => a.amountCents));
      assert.equal(sum(r.lines.map((l) => l.couponCents)), coupon);
      assert.equal(sum(r.lines.map((l) => l.pointsCents)), r.pointsValueCents);
      assert.equal(0 - sum(r.adjustments.filter((a) => a.kind === 'POINTS').map((a) => a.amountCents)), r.pointsValueCents);
      assert.equal(sum(r.lines.map((l) => l.goodsCents)), r.goodsCents);
      for (const l of r.lines) {
        const lineAdjustments = r.adjustments.filter((a) => a.lineId === l.lineId);
        assert.equal(0 - sum(lineAdjustments.map((a) => a.amountCents)), l.lineDiscountCents);
        assert.equal(lineAdjustments.length, l.priceSource === 'LIST' ? 0 : 1);
        if (lineAdjustments.length) assert.equal(lineAdjustments[0].kind, l.priceSource);
      }
      assert.equal(sum(r.lines.map((l) => l.cashPaidCents)) + r.shippingPaidCents, r.payableCents);
      assert.deepEqual(r.lines.map((l) => l.lineId), input.lines.map((l) => l.lineId));
    });
  });

  it('no line goes below zero and every line adds up', () => {
    check((_, r) => {
      for (const l of r.lines) {
        for (const v of [l.unitPriceCents, l.lineDiscountCents, l.couponCents, l.pointsCents, l.cashPaidCents]) {
          assert.equal(Number.isSafeInteger(v) && v >= 0, true);
        }
        assert.ok(l.unitPriceCents <= l.listPriceCents);
        assert.equal(l.goodsCents, l.listPriceCents * l.qty);
        assert.equal(l.lineDiscountCents, (l.listPriceCents - l.unitPriceCents) * l.qty);
        assert.equal(l.cashPaidCents, l.goodsCents - l.lineDiscountCents - l.couponCents - l.pointsCents);
      }
    });
  });

  it('payable = goods + shipping + Σ adjustments ≥ 0, every adjustment < 0, totals consistent', () => {
    check((_, r) => {
      assert.equal(r.payableCents, r.goodsCents + r.shippingCents + sum(r.adjustments.map((a) => a.amountCents)));
      assert.ok(r.payableCents >= 0);
      for (const a of r.adjustments) assert.ok(a.amountCents < 0);
      assert.equal(r.payableCents, r.goodsCents - r.discountCents + r.shippingCents - r.pointsValueCents);
      assert.ok(r.discountCents >= 0);
      assert.equal(r.shippingPaidCents === 0 || r.shippingPaidCents === r.shippingCents, true);
      assert.equal(r.adjustments.filter((a) => a.kind === 'SHIPPING_WAIVER').length, r.shippingCents > 0 && r.shippingPaidCents === 0 ? 1 : 0);
    });
  });

  it('points used ≤ balance, ≤ request and ≤ cap, worth exactly their value', () => {
    check((input, r) => {
      assert.ok(r.pointsUsed <= input.buyer.pointsBalance);
      assert.ok(r.pointsUsed <= input.pointsRequested);
      const afterCoupon = r.goodsCents - sum(r.lines.map((l) => l.lineDiscountCents + l.couponCents));
      assert.ok(r.pointsValueCents * 10000 <= afterCoupon * input.rules.pointsMaxSpendBp);
      assert.equal(r.pointsUsed * input.rules.pointsValueCentsPer100, r.pointsValueCents * 100);
    });
  });

  it('spends as many points as allowed (no whole fen left on the table)', () => {
    check((input, r) => {
      const perFen = 100 / input.rules.pointsValueCentsPer100;
      const afterCoupon = r.goodsCents - sum(r.lines.map((l) => l.lineDiscountCents + l.couponCents));
      const canAffordMore = (r.pointsValueCents + 1) * 10000 <= afterCoupon * input.rules.pointsMaxSpendBp;
      const hasMore = r.pointsUsed + perFen <= Math.min(input.buyer.pointsBalance, input.pointsRequested);
      assert.equal(canAffordMore && hasMore, false);
    });
  });

  it('a member never pays more than a non-member for the same input', () => {
    check((input) => {
      const guest = priceCart({ ...input, buyer: { ...input.buyer, isMember: false } });
      const member = priceCart(asPaidMember(input));
      assert.ok(member.payableCents <= guest.payableCents);
      guest.lines.forEach((l, i) => assert.ok(member.lines[i].unitPriceCents <= l.unitPriceCents));
    });
  });

  it('memberSavingsCents = payable(non-member) − payable(member) ≥ 0, and 0 for members', () => {
    check((input, r) => {
      if (input.buyer.isMember) {
        assert.equal(r.memberSavingsCents, 0);
      } else {
        assert.equal(r.memberSavingsCents, r.payableCents - priceCart(asPaidMember(input)).payableCents);
        assert.ok(r.memberSavingsCents >= 0);
      }
    });
  });

  it('same input → same output, and the input is left untouched', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = clone(input);
        const r = priceCart(input);
        assert.deepEqual(clone(input), before);
        assert.deepEqual(priceCart(clone(input)), r);
        assert.deepEqual(priceCart(input), r);
      }),
      RUNS,
    );
  });

  it('the unit price is the lowest eligible price (oracle), over every member day that applies', () => {
    check((input, r) => {
      const mds = applying(input);
      input.lines.forEach((l, i) => {
        const candidates = [l.listPriceCents, applyRateBp(l.listPriceCents, input.buyer.tierDiscountBp)];
        if (input.buyer.isMember && l.memberPriceCents !== null) candidates.push(l.memberPriceCents);
        for (const md of mds) {
          const offer = memberDayOffer(md, l);
          if (offer !== null) candidates.push(offer);
        }
        assert.equal(r.lines[i].unitPriceCents, Math.min(...candidates));
      });
    });
  });

  it('a member-day price names the member day that gave it: one that applies and offers that price', () => {
    check((input, r) => {
      const mds = applying(input);
      for (const a of r.adjustments) {
        if (a.sourceType !== 'MEMBER_DAY') continue;
        const md = mds.find((m) => m.id === a.sourceId);
        assert.ok(md, `${a.sourceId} does not apply`);
        const i = input.lines.findIndex((l) => l.lineId === a.lineId);
        assert.equal(memberDayOffer(md, input.lines[i]), r.lines[i].unitPriceCents);
      }
    });
  });

  it('memberDayId: the applying member day that took the most off, ties to the earlier; null when none applies', () => {
    check((input, r) => {
      const mds = applying(input);
      if (!mds.length) return assert.equal(r.memberDayId, null);
      const off = mds.map((md) => 0 - sum(r.adjustments.filter((a) => a.sourceType === 'MEMBER_DAY' && a.sourceId === md.id).map((a) => a.amountCents)));
      assert.equal(r.memberDayId, mds[off.indexOf(Math.max(...off))].id);
    });
  });

  it('the coupon follows its rule (oracle)', () => {
    check((input, r) => {
      const base = r.goodsCents - sum(r.lines.map((l) => l.lineDiscountCents));
      const c = input.coupon;
      let expected = 0;
      if (c && r.goodsCents >= c.thresholdCents) {
        if (c.kind === 'AMOUNT_OFF') expected = Math.min(c.amountOffCents!, base);
        else expected = Math.min(applyRateBp(base, c.percentOffBp!), c.capCents ?? Infinity);
      }
      assert.equal(sum(r.lines.map((l) => l.couponCents)), expected);
      assert.equal(r.couponId, expected > 0 ? 'cp' : null);
    });
  });

  it('pointsToEarn = floor(cash yuan × per-yuan × tier × highest applying member day), exactly (big-integer oracle)', () => {
    check((input, r) => {
      const mds = applying(input);
      const md = mds.length ? BigInt(Math.max(...mds.map((m) => m.pointsMultiplierBp))) : 10000n;
      const cash = BigInt(sum(r.lines.map((l) => l.cashPaidCents)));
      const expected = (cash * BigInt(input.rules.pointsPerYuanEarned) * BigInt(input.buyer.tierPointsMultiplierBp) * md) / 10_000_000_000n;
      assert.equal(r.pointsToEarn, Number(expected));
    });
  });

  it('requiresMembership exactly when a member-only line meets a non-member', () => {
    check((input, r) => {
      assert.equal(r.requiresMembership, !input.buyer.isMember && input.lines.some((l) => l.memberOnly === true));
    });
  });

  it('a coupon or points never make the payable larger', () => {
    check((input, r) => {
      assert.ok(priceCart({ ...input, coupon: null }).payableCents >= r.payableCents);
      assert.ok(priceCart({ ...input, pointsRequested: 0 }).payableCents >= r.payableCents);
    });
  });
});
