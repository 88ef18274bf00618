import { asPaidMember, priceCart } from '../src';
import type { PricingCoupon, PricingMemberDay } from '../src';
import { GUEST, input, line, MEMBER, RULES } from './fixtures';

const GOLD = { isMember: true, tierDiscountBp: 9000, tierPointsMultiplierBp: 12000, pointsBalance: 0, tierId: 't-gold', tierName: '金卡' };

const MEMBER_DAY: PricingMemberDay = {
  id: 'md1',
  name: '7号会员日',
  audienceOk: true,
  categoryRatesBp: { c1: 8000 },
  pointsMultiplierBp: 20000,
};

const amountOff = (amountOffCents: number, thresholdCents = 0): PricingCoupon => ({ id: 'cp1', kind: 'AMOUNT_OFF', thresholdCents, amountOffCents });

describe('priceCart: line price stage', () => {
  it('member price wins over a higher tier price (full breakdown)', () => {
    const result = priceCart(input({ lines: [line('a', 10000, { qty: 2, memberPriceCents: 8800 })], buyer: GOLD }));
    expect(result).toEqual({
      lines: [
        {
          lineId: 'a',
          skuId: 'sku-a',
          productId: 'p-a',
          categoryId: 'c1',
          qty: 2,
          listPriceCents: 10000,
          unitPriceCents: 8800,
          priceSource: 'MEMBER_PRICE',
          goodsCents: 20000,
          lineDiscountCents: 2400,
          couponCents: 0,
          pointsCents: 0,
          cashPaidCents: 17600,
          requiresMembership: false,
        },
      ],
      adjustments: [
        { kind: 'MEMBER_PRICE', lineId: 'a', amountCents: -2400, label: '会员价', sourceType: 'SKU', sourceId: 'sku-a' },
        { kind: 'SHIPPING_WAIVER', lineId: null, amountCents: -1000, label: '满额包邮', sourceType: 'STORE_RULE', sourceId: null },
      ],
      goodsCents: 20000,
      discountCents: 3400,
      shippingCents: 1000,
      shippingPaidCents: 0,
      pointsUsed: 0,
      pointsValueCents: 0,
      payableCents: 17600,
      pointsToEarn: 211, // 176 yuan × 1.2
      memberSavingsCents: 0,
      couponId: null,
      memberDayId: null,
      requiresMembership: false,
    });
  });

  it('a lower tier price wins over the member price, labelled with the tier', () => {
    const result = priceCart(input({ lines: [line('a', 10000, { qty: 2, memberPriceCents: 8800 })], buyer: { ...GOLD, tierDiscountBp: 8500 } }));
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 8500, priceSource: 'TIER_DISCOUNT', lineDiscountCents: 3000 });
    expect(result.adjustments[0]).toEqual({ kind: 'TIER_DISCOUNT', lineId: 'a', amountCents: -3000, label: '金卡 8.5 折', sourceType: 'TIER', sourceId: 't-gold' });
  });

  it('the tier discount applies to non-members too (the caller decides who has a tier)', () => {
    const result = priceCart(input({ lines: [line('a', 1990)], buyer: { ...GUEST, tierDiscountBp: 9500 } }));
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 1891, priceSource: 'TIER_DISCOUNT' }); // 1890.5 rounds up
    expect(result.adjustments[0]).toMatchObject({ label: '会员等级 9.5 折', sourceId: null });
  });

  it('a non-member does not get the member price', () => {
    const result = priceCart(input({ lines: [line('a', 10000, { memberPriceCents: 8800 })] }));
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 10000, priceSource: 'LIST', lineDiscountCents: 0 });
    expect(result.adjustments.filter((a) => a.lineId !== null)).toEqual([]);
  });

  it('the member-day price wins over the member price, the category rate and the tier rate', () => {
    const result = priceCart(
      input({ lines: [line('a', 10000, { memberPriceCents: 8800, memberDayPrices: [{ memberDayId: 'md1', priceCents: 7900 }] })], buyer: GOLD, memberDays: [MEMBER_DAY] }),
    );
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 7900, priceSource: 'MEMBER_DAY_PRICE', cashPaidCents: 7900 });
    expect(result.adjustments[0]).toEqual({ kind: 'MEMBER_DAY_PRICE', lineId: 'a', amountCents: -2100, label: '会员日价', sourceType: 'MEMBER_DAY', sourceId: 'md1' });
    expect(result.memberDayId).toBe('md1');
    expect(result.payableCents).toBe(7900);
    expect(result.pointsToEarn).toBe(189); // 79 yuan × 1.2 × 2 = 189.6
  });

  it('the member-day category rate applies to the list price, rounded half up once per unit', () => {
    const result = priceCart(input({ lines: [line('a', 1999, { qty: 3 })], memberDays: [{ ...MEMBER_DAY, categoryRatesBp: { c1: 8500 } }] }));
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 1699, priceSource: 'MEMBER_DAY_CATEGORY_RATE', lineDiscountCents: 900 });
    expect(result.adjustments[0]).toEqual({ kind: 'MEMBER_DAY_CATEGORY_RATE', lineId: 'a', amountCents: -900, label: '会员日 8.5 折', sourceType: 'MEMBER_DAY', sourceId: 'md1' });
  });

  it('a category rate only touches lines of that category', () => {
    const result = priceCart(input({ lines: [line('a', 1000), line('b', 1000, { categoryId: 'c2' })], memberDays: [MEMBER_DAY] }));
    expect(result.lines.map((l) => l.unitPriceCents)).toEqual([800, 1000]);
  });

  it('a category id that is an Object.prototype key is not a rate', () => {
    const result = priceCart(input({ lines: [line('a', 1000, { categoryId: 'constructor' }), line('b', 1000, { categoryId: '__proto__' })], memberDays: [MEMBER_DAY] }));
    expect(result.lines.map((l) => l.priceSource)).toEqual(['LIST', 'LIST']);
  });

  it('member-day offers need the buyer in the audience', () => {
    const md = { ...MEMBER_DAY, audienceOk: false, audienceOkAsMember: true };
    const result = priceCart(input({ lines: [line('a', 10000, { memberDayPrices: [{ memberDayId: 'md1', priceCents: 7000 }] })], memberDays: [md] }));
    expect(result.lines[0].priceSource).toBe('LIST');
    expect(result.memberDayId).toBeNull();
    expect(result.pointsToEarn).toBe(100); // no member-day multiplier
    expect(result.memberSavingsCents).toBe(3000); // as a paid member they would be in the audience
  });

  it('a member day whose audience a card does not open gives no savings', () => {
    const md = { ...MEMBER_DAY, audienceOk: false };
    const result = priceCart(input({ lines: [line('a', 10000, { memberDayPrices: [{ memberDayId: 'md1', priceCents: 7000 }] })], memberDays: [md] }));
    expect(result.memberSavingsCents).toBe(0);
  });

  it('ties go to member-day price, then category rate, then member price, then tier rate', () => {
    const tied = line('a', 10000, { memberPriceCents: 8000, memberDayPrices: [{ memberDayId: 'md1', priceCents: 8000 }] });
    const buyer = { ...GOLD, tierDiscountBp: 8000 };
    expect(priceCart(input({ lines: [tied], buyer, memberDays: [MEMBER_DAY] })).lines[0].priceSource).toBe('MEMBER_DAY_PRICE');
    expect(priceCart(input({ lines: [{ ...tied, memberDayPrices: [] }], buyer, memberDays: [MEMBER_DAY] })).lines[0].priceSource).toBe(
      'MEMBER_DAY_CATEGORY_RATE',
    );
    const noMemberDay = { ...tied, memberDayPrices: [] };
    expect(priceCart(input({ lines: [noMemberDay], buyer })).lines[0].priceSource).toBe('MEMBER_PRICE');
    expect(priceCart(input({ lines: [{ ...noMemberDay, memberPriceCents: null }], buyer })).lines[0].priceSource).toBe('TIER_DISCOUNT');
  });

  it('prices at or above the list price are ignored', () => {
    const result = priceCart(
      input({ lines: [line('a', 10000, { memberPriceCents: 12000, memberDayPrices: [{ memberDayId: 'md1', priceCents: 10000 }] })], buyer: MEMBER, memberDays: [{ ...MEMBER_DAY, categoryRatesBp: { c1: 10000 } }] }),
    );
    expect(result.lines[0]).toMatchObject({ priceSource: 'LIST', unitPriceCents: 10000 });
    expect(result.adjustments.some((a) => a.lineId === 'a')).toBe(false);
  });

  it('a zero member price makes the line free', () => {
    const result = priceCart(input({ lines: [line('a', 500, { memberPriceCents: 0 })], buyer: MEMBER }));
    expect(result.lines[0]).toMatchObject({ unitPriceCents: 0, cashPaidCents: 0 });
    expect(result.payableCents).toBe(0);
  });
});

describe('priceCart: coupon stage', () => {
  it('a coupon whose threshold is not met is not applied', () => {
    const result = priceCart(input({ lines: [line('a', 9000)], coupon: amountOff(1000, 10000) }));
    expect(result.couponId).toBeNull();
    expect(result.adjustments.some((a) => a.kind === 'COUPON')).toBe(false);
    expect(result.lines[0].couponCents).toBe(0);
    expect(result.payableCents).toBe(10000); // 9000 + 1000 shipping
  });

  it('the threshold compares with list-price goods, so a member price does not lose the coupon', () => {
    const result = priceCart(input({ lines: [line('a', 10000, { memberPriceCents: 8000 })], buyer: MEMBER, coupon: amountOff(1000, 10000) }));
    expect(result.couponId).toBe('cp1');
    expect(result.payableCents).toBe(7000);
  });

  it('prorates an amount-off coupon by largest remainder', () => {
    const result = priceCart(input({ lines: [line('a', 700), line('b', 200), line('c', 100)], coupon: amountOff(333) }));
    expect(result.lines.map((l) => l.couponCents)).toEqual([233, 67, 33]);
    expect(result.lines.map((l) => l.cashPaidCents)).toEqual([467, 133, 67]);
    expect(result.adjustments).toEqual([
      { kind: 'COUPON', lineId: null, amountCents: -333, label: '优惠券', sourceType: 'COUPON', sourceId: 'cp1' },
    ]);
    expect(result).toMatchObject({ goodsCents: 1000, discountCents: 333, shippingCents: 1000, shippingPaidCents: 1000, payableCents: 1667, pointsToEarn: 6 });
  });

  it('equal remainders go to the first line', () => {
    const result = priceCart(input({ lines: [line('a', 1000), line('b', 1000), line('c', 1000)], coupon: amountOff(1000) }));
    expect(result.lines.map((l) => l.couponCents)).toEqual([334, 333, 333]);
  });

  it('prorates by the price after the line stage', () => {
    const result = priceCart(input({ lines: [line('a', 1000, { memberPriceCents: 500 }), line('b', 500)], buyer: MEMBER, coupon: amountOff(100) }));
    expect(result.lines.map((l) => l.couponCents)).toEqual([50, 50]);
  });

  it('an amount-off coupon never takes off more than the goods', () => {
    const result = priceCart(input({ lines: [line('a', 600), line('b', 400)], coupon: amountOff(5000) }));
    expect(result.lines.map((l) => l.couponCents)).toEqual([600, 400]);
    expect(result.adjustments[0].amountCents).toBe(-1000);
    expect(result.payableCents).toBe(1000); // shipping only
  });

  it('a percent coupon is capped', () => {
    const coupon: PricingCoupon = { id: 'cp2', kind: 'PERCENT_OFF', thresholdCents: 0, percentOffBp: 2000, capCents: 5000 };
    const result = priceCart(input({ lines: [line('a', 50000)], coupon }));
    expect(result.adjustments[0]).toMatchObject({ kind: 'COUPON', amountCents: -5000, sourceId: 'cp2' });
    expect(result.payableCents).toBe(45000);
  });

  it('an uncapped percent coupon rounds half up', () => {
    const coupon: PricingCoupon = { id: 'cp2', kind: 'PERCENT_OFF', thresholdCents: 0, percentOffBp: 1000, capCents: null };
    const result = priceCart(input({ lines: [line('a', 1999)], coupon }));
    expect(result.lines[0].couponCents).toBe(200); // 199.9
    expect(result.payableCents).toBe(2799);
  });

  it('a coupon with nothing to take off is not applied', () => {
    const result = priceCart(input({ lines: [line('a', 0)], coupon: amountOff(100) }));
    expect(result.couponId).toBeNull();
    expect(result.adjustments.some((a) => a.kind === 'COUPON')).toBe(false);
  });
});

describe('priceCart: points stage', () => {
  const rich = { ...GUEST, pointsBalance: 100000 };

  it('points are capped at 50 % of the goods after discounts and prorated', () => {
    const result = priceCart(input({ lines: [line('a', 3000), line('b', 7001)], buyer: rich, pointsRequested: 100000 }));
    expect(result).toMatchObject({ pointsUsed: 5000, pointsValueCents: 5000, payableCents: 5001, discountCents: 1000, pointsToEarn: 50 });
    expect(result.lines.map((l) => l.pointsCents)).toEqual([1500, 3500]);
    expect(result.lines.map((l) => l.cashPaidCents)).toEqual([1500, 3501]);
    expect(result.adjustments).toContainEqual({ kind: 'POINTS', lineId: null, amountCents: -5000, label: '积分抵扣', sourceType: 'POINTS', sourceId: null });
  });

  it('the cap is taken after the coupon', () => {
    const result = priceCart(input({ lines: [line('a', 10000)], buyer: rich, pointsRequested: 100000, coupon: amountOff(2000) }));
    expect(result).toMatchObject({ pointsUsed: 4000, payableCents: 4000 });
  });

  it('points are limited by the request and by the balance', () => {
    expect(priceCart(input({ lines: [line('a', 10000)], buyer: rich, pointsRequested: 123 })).pointsUsed).toBe(123);
    expect(priceCart(input({ lines: [line('a', 10000)], buyer: { ...GUEST, pointsBalance: 77 }, pointsRequested: 1000 })).pointsUsed).toBe(77);
    const none = priceCart(input({ lines: [line('a', 10000)], buyer: rich, pointsRequested: 0 }));
    expect(none.pointsUsed).toBe(0);
    expect(none.adjustments.some((a) => a.kind === 'POINTS')).toBe(false);
  });

  it('with 100 points = 0.5 yuan, points are spent two at a time', () => {
    const rules = { ...RULES, pointsValueCentsPer100: 50 };
    const result = priceCart(input({ lines: [line('a', 10000)], buyer: { ...GUEST, pointsBalance: 101 }, pointsRequested: 1000, rules }));
    expect(result).toMatchObject({ pointsUsed: 100, pointsValueCents: 50, payableCents: 9950 });
  });

  it('a configurable cap: 0 % spends nothing, 100 % can pay everything', () => {
    const zero = priceCart(input({ lines: [line('a', 10000)], buyer: rich, pointsRequested: 100000, rules: { ...RULES, pointsMaxSpendBp: 0 } }));
    expect(zero.pointsUsed).toBe(0);
    const all = priceCart(input({ lines: [line('a', 10000)], buyer: rich, pointsRequested: 100000, rules: { ...RULES, pointsMaxSpendBp: 10000 } }));
    expect(all).toMatchObject({ pointsUsed: 10000, payableCents: 0, pointsToEarn: 0 });
  });

  it('the cap floors: 50 % of 1 fen is nothing', () => {
    expect(priceCart(input({ lines: [line('a', 1)], buyer: rich, pointsRequested: 100 })).pointsUsed).toBe(0);
    expect(priceCart(input({ lines: [line('a', 3)], buyer: rich, pointsRequested: 100 })).pointsUsed).toBe(1);
  });
});

describe('priceCart: shipping stage', () => {
  it('a member ships free below the threshold when the perk is on', () => {
    const member = priceCart(input({ lines: [line('a', 5000)], buyer: MEMBER }));
    expect(member).toMatchObject({ shippingCents: 1000, shippingPaidCents: 0, discountCents: 1000, payableCents: 5000 });
    expect(member.adjustments).toEqual([
      { kind: 'SHIPPING_WAIVER', lineId: null, amountCents: -1000, label: '会员包邮', sourceType: 'MEMBER_PERK', sourceId: null },
    ]);
    const guest = priceCart(input({ lines: [line('a', 5000)] }));
    expect(guest).toMatchObject({ shippingCents: 1000, shippingPaidCents: 1000, payableCents: 6000, memberSavingsCents: 1000 });
  });

  it('without the perk a member pays shipping', () => {
    const result = priceCart(input({ lines: [line('a', 5000)], buyer: MEMBER, rules: { ...RULES, memberFreeShipping: false } }));
    expect(result).toMatchObject({ shippingPaidCents: 1000, payableCents: 6000 });
  });

  it('the threshold waives shipping for everyone, and is met exactly at the threshold', () => {
    expect(priceCart(input({ lines: [line('a', 9900)] })).shippingPaidCents).toBe(0);
    expect(priceCart(input({ lines: [line('a', 9899)] })).shippingPaidCents).toBe(1000);
    const member = priceCart(input({ lines: [line('a', 9900)], buyer: MEMBER }));
    expect(member.adjustments).toEqual([expect.objectContaining({ kind: 'SHIPPING_WAIVER', label: '满额包邮' })]);
  });

  it('no threshold, no free shipping for non-members', () => {
    const result = priceCart(input({ lines: [line('a', 1000000)], rules: { ...RULES, freeShippingThresholdCents: null } }));
    expect(result.shippingPaidCents).toBe(1000);
  });

  it('no shipping when no line ships (member cards, virtual goods) or the cart is empty', () => {
    const card = priceCart(input({ lines: [line('card', 1990, { requiresShipping: false })] }));
    expect(card).toMatchObject({ shippingCents: 0, shippingPaidCents: 0, payableCents: 1990, adjustments: [] });
    const mixed = priceCart(input({ lines: [line('card', 1990, { requiresShipping: false }), line('a', 100)] }));
    expect(mixed.shippingCents).toBe(1000);
    expect(priceCart(input()).shippingCents).toBe(0);
  });

  it('a zero fee gives no waiver adjustment', () => {
    const result = priceCart(input({ lines: [line('a', 100)], buyer: MEMBER, rules: { ...RULES, shippingFeeCents: 0 } }));
    expect(result.adjustments).toEqual([]);
  });
});

describe('priceCart: totals', () => {
  it('an empty cart costs nothing', () => {
    expect(priceCart(input())).toEqual({
      lines: [],
      adjustments: [],
      goodsCents: 0,
      discountCents: 0,
      shippingCents: 0,
      shippingPaidCents: 0,
      pointsUsed: 0,
      pointsValueCents: 0,
      payableCents: 0,
      pointsToEarn: 0,
      memberSavingsCents: 0,
      couponId: null,
      memberDayId: null,
      requiresMembership: false,
    });
  });

  it('everything together, computed by hand', () => {
    // a: list 12900 ×2, member 11900 → 23800; b: list 4990, member day rate 8000 → 3992 (c1)
    // goods 30790; coupon 3000 off over 30000: a 3000×23800/27792 = 2569.09…, b 430.9… → [2569, 431]
    // points: cap floor(24792 / 2) = 12396; request 2000 → 2000: a 2000×21231/24792 = 1712.7…, b 287.2… → [1713, 287]
    // cash a 19518, b 3274 = 22792; earn floor(227.92 × 1.2 × 2) = 547
    const result = priceCart(
      input({
        lines: [line('a', 12900, { qty: 2, memberPriceCents: 11900, categoryId: 'c2' }), line('b', 4990)],
        buyer: { ...GOLD, tierDiscountBp: 10000, pointsBalance: 5000 },
        memberDays: [MEMBER_DAY],
        coupon: amountOff(3000, 30000),
        pointsRequested: 2000,
      }),
    );
    expect(result.lines.map((l) => [l.unitPriceCents, l.priceSource, l.lineDiscountCents, l.couponCents, l.pointsCents, l.cashPaidCents])).toEqual([
      [11900, 'MEMBER_PRICE', 2000, 2569, 1713, 19518],
      [3992, 'MEMBER_DAY_CATEGORY_RATE', 998, 431, 287, 3274],
    ]);
    expect(result.adjustments.map((a) => [a.kind, a.lineId, a.amountCents])).toEqual([
      ['MEMBER_PRICE', 'a', -2000],
      ['MEMBER_DAY_CATEGORY_RATE', 'b', -998],
      ['COUPON', null, -3000],
      ['POINTS', null, -2000],
      ['SHIPPING_WAIVER', null, -1000],
    ]);
    expect(result).toMatchObject({
      goodsCents: 30790,
      discountCents: 6998,
      shippingCents: 1000,
      shippingPaidCents: 0,
      pointsUsed: 2000,
      pointsValueCents: 2000,
      payableCents: 22792,
      pointsToEarn: 547,
      memberSavingsCents: 0,
      couponId: 'cp1',
      memberDayId: 'md1',
    });
  });

  it('memberSavingsCents is what the same cart would cost with a card', () => {
    const result = priceCart(input({ lines: [line('a', 5000, { memberPriceCents: 4500 })] }));
    expect(result.payableCents).toBe(6000);
    expect(result.memberSavingsCents).toBe(1500); // 500 member price + 1000 shipping
    expect(priceCart(asPaidMember(input({ lines: [line('a', 5000, { memberPriceCents: 4500 })] }))).payableCents).toBe(4500);
  });

  it('pointsToEarn: 1 per yuan of cash on goods × tier × member day, floored once, shipping excluded', () => {
    const buyer = { ...GUEST, tierPointsMultiplierBp: 15000 };
    const lines = [line('a', 12345, { categoryId: 'c9' })];
    expect(priceCart(input({ lines, buyer, memberDays: [MEMBER_DAY] })).pointsToEarn).toBe(370); // 123.45 × 3 = 370.35
    expect(priceCart(input({ lines, buyer, memberDays: [MEMBER_DAY], rules: { ...RULES, pointsPerYuanEarned: 2 } })).pointsToEarn).toBe(740);
    expect(priceCart(input({ lines, buyer: { ...buyer, tierPointsMultiplierBp: 0 } })).pointsToEarn).toBe(0);
    expect(priceCart(input({ lines: [line('a', 199)] })).pointsToEarn).toBe(1); // shipping paid, not counted
    // 99.99 yuan × 1.25 × 1.5 = 187.48… → 187 (flooring per step: 99 → 123 → 184)
    expect(priceCart(input({ lines: [line('a', 9999)], buyer: { ...GUEST, tierPointsMultiplierBp: 12500 }, memberDays: [{ ...MEMBER_DAY, pointsMultiplierBp: 15000, categoryRatesBp: {} }] })).pointsToEarn).toBe(187);
  });

  it('member-only lines need a card', () => {
    const lines = [line('a', 100, { memberOnly: true }), line('b', 100)];
    const guest = priceCart(input({ lines }));
    expect(guest.requiresMembership).toBe(true);
    expect(guest.lines.map((l) => l.requiresMembership)).toEqual([true, false]);
    expect(priceCart(input({ lines, buyer: MEMBER })).requiresMembership).toBe(false);
  });

  it('does not modify its input', () => {
    const i = input({ lines: [line('a', 10000, { memberPriceCents: 1 })], memberDays: [{ ...MEMBER_DAY, audienceOk: false, audienceOkAsMember: true }], coupon: amountOff(5) });
    const copy = structuredClone(i);
    priceCart(i);
    expect(i).toEqual(copy);
  });
});

describe('priceCart: several member days in force at once', () => {
  // "每月7号" (paid members): tea 8 折, 2×; "周五金卡日" (tier ≥ 金卡): snack SKU at 20.00, 3×. The 7th is a Friday.
  const PAID_DAY: PricingMemberDay = { id: 'md-paid', name: '每月7号', audienceOk: true, audienceOkAsMember: true, categoryRatesBp: { tea: 8000 }, pointsMultiplierBp: 20000 };
  const GOLD_DAY: PricingMemberDay = { id: 'md-gold', name: '周五金卡日', audienceOk: true, audienceOkAsMember: true, categoryRatesBp: {}, pointsMultiplierBp: 30000 };
  const lines = [
    line('a', 5000, { qty: 2, categoryId: 'tea' }),
    line('b', 3000, { categoryId: 'snack', memberPriceCents: 2700, memberDayPrices: [{ memberDayId: 'md-gold', priceCents: 2000 }] }),
  ];
  const GOLD_GUEST = { ...GUEST, tierDiscountBp: 9000, tierPointsMultiplierBp: 12000, tierId: 't-gold', tierName: '金卡' };
  const days = (paidOk: boolean, goldOk: boolean) => [
    { ...PAID_DAY, audienceOk: paidOk },
    { ...GOLD_DAY, audienceOk: goldOk, audienceOkAsMember: goldOk },
  ];

  it('a paid 金卡 member gets both: tea at the 8 折 of one, the snack at the SKU price of the other (full breakdown)', () => {
    // a: list 5000 ×2; tier 4500, md-paid 8 折 4000 → 4000, −2000. b: member 2700, tier 2700, md-gold 2000 → 2000, −1000.
    // goods 13000 ≥ 9900: shipping waived. payable 10000. points: 100 yuan × 1.2 (tier) × 3 (highest of 2×, 3×) = 360.
    // md-paid took 2000 off, md-gold 1000: memberDayId md-paid.
    const result = priceCart(input({ lines, buyer: GOLD, memberDays: days(true, true) }));
    expect(result).toEqual({
      lines: [
        { lineId: 'a', skuId: 'sku-a', productId: 'p-a', categoryId: 'tea', qty: 2, listPriceCents: 5000, unitPriceCents: 4000, priceSource: 'MEMBER_DAY_CATEGORY_RATE',
          goodsCents: 10000, lineDiscountCents: 2000, couponCents: 0, pointsCents: 0, cashPaidCents: 8000, requiresMembership: false },
        { lineId: 'b', skuId: 'sku-b', productId: 'p-b', categoryId: 'snack', qty: 1, listPriceCents: 3000, unitPriceCents: 2000, priceSource: 'MEMBER_DAY_PRICE',
          goodsCents: 3000, lineDiscountCents: 1000, couponCents: 0, pointsCents: 0, cashPaidCents: 2000, requiresMembership: false },
      ],
      adjustments: [
        { kind: 'MEMBER_DAY_CATEGORY_RATE', lineId: 'a', amountCents: -2000, label: '会员日 8 折', sourceType: 'MEMBER_DAY', sourceId: 'md-paid' },
        { kind: 'MEMBER_DAY_PRICE', lineId: 'b', amountCents: -1000, label: '会员日价', sourceType: 'MEMBER_DAY', sourceId: 'md-gold' },
        { kind: 'SHIPPING_WAIVER', lineId: null, amountCents: -1000, label: '满额包邮', sourceType: 'STORE_RULE', sourceId: null },
      ],
      goodsCents: 13000,
      discountCents: 4000,
      shippingCents: 1000,
      shippingPaidCents: 0,
      pointsUsed: 0,
      pointsValueCents: 0,
      payableCents: 10000,
      pointsToEarn: 360,
      memberSavingsCents: 0,
      couponId: null,
      memberDayId: 'md-paid',
      requiresMembership: false,
    });
  });

  it('a paid member below 金卡 gets only the paid-members day: the snack falls back to the member price', () => {
    // a 4000 ×2 (md-paid), b 2700 (member price); payable 10700; points 107 × 1 × 2 = 214.
    const result = priceCart(input({ lines, buyer: MEMBER, memberDays: days(true, false) }));
    expect(result.lines.map((l) => [l.unitPriceCents, l.priceSource])).toEqual([[4000, 'MEMBER_DAY_CATEGORY_RATE'], [2700, 'MEMBER_PRICE']]);
    expect(result.adjustments.filter((a) => a.lineId !== null).map((a) => [a.lineId, a.sourceType, a.sourceId, a.amountCents])).toEqual([
      ['a', 'MEMBER_DAY', 'md-paid', -2000],
      ['b', 'SKU', 'sku-b', -300],
    ]);
    expect(result).toMatchObject({ payableCents: 10700, pointsToEarn: 214, memberDayId: 'md-paid', memberSavingsCents: 0 });
  });

  it('a 金卡 customer without a card gets only the 金卡 day, and sees what a card adds', () => {
    // a: tier 9 折 4500 ×2; b: md-gold 2000. payable 11000; points 110 × 1.2 × 3 = 396; memberDayId md-gold.
    // As a paid member: a 4000 ×2 (md-paid opens), b 2000 → 10000: saves 1000.
    const result = priceCart(input({ lines, buyer: GOLD_GUEST, memberDays: days(false, true) }));
    expect(result.lines.map((l) => [l.unitPriceCents, l.priceSource])).toEqual([[4500, 'TIER_DISCOUNT'], [2000, 'MEMBER_DAY_PRICE']]);
    expect(result.adjustments.filter((a) => a.lineId !== null).map((a) => [a.lineId, a.sourceType, a.sourceId, a.amountCents])).toEqual([
      ['a', 'TIER', 't-gold', -1000],
      ['b', 'MEMBER_DAY', 'md-gold', -1000],
    ]);
    expect(result).toMatchObject({ payableCents: 11000, pointsToEarn: 396, memberDayId: 'md-gold', memberSavingsCents: 1000 });
  });

  it('a customer in neither audience pays list, and the card would open the paid-members day only', () => {
    // own: 10000 + 3000 = 13000, shipping waived; as a member: a 4000 ×2 (md-paid), b 2700 (member price) = 10700 → saves 2300.
    const result = priceCart(input({ lines, buyer: GUEST, memberDays: days(false, false) }));
    expect(result).toMatchObject({ payableCents: 13000, pointsToEarn: 130, memberDayId: null, memberSavingsCents: 2300 });
    expect(result.adjustments.filter((a) => a.lineId !== null)).toEqual([]);
  });

  it('equal offers and equal savings go to the earlier member day; the multiplier is the highest, not the product', () => {
    const shared = line('a', 1000, { memberDayPrices: [{ memberDayId: 'x', priceCents: 800 }, { memberDayId: 'y', priceCents: 800 }] });
    const x: PricingMemberDay = { id: 'x', name: 'x', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 15000 };
    const y: PricingMemberDay = { id: 'y', name: 'y', audienceOk: true, categoryRatesBp: {}, pointsMultiplierBp: 20000 };
    const xy = priceCart(input({ lines: [shared], memberDays: [x, y] }));
    expect(xy.adjustments[0]).toMatchObject({ sourceId: 'x', amountCents: -200 });
    expect(xy).toMatchObject({ memberDayId: 'x', pointsToEarn: 16 }); // 8 yuan × 2, shipping paid
    expect(priceCart(input({ lines: [shared], memberDays: [y, x] })).adjustments[0].sourceId).toBe('y');
    // neither prices anything: the earlier one that applies is the order's member day
    expect(priceCart(input({ lines: [line('b', 1000)], memberDays: [{ ...x, audienceOk: false }, y] })).memberDayId).toBe('y');
    expect(priceCart(input({ lines: [line('b', 1000)], memberDays: [x, y] })).memberDayId).toBe('x');
  });

  it('a member-day price of a member day not in force is refused', () => {
    expect(() => priceCart(input({ lines: [line('a', 1000, { memberDayPrices: [{ memberDayId: 'gone', priceCents: 1 }] })] }))).toThrow('lines[0].memberDayPrices[0].memberDayId');
  });
});

describe('asPaidMember', () => {
  it('makes the buyer a member and opens every member-only audience', () => {
    const i = input({ memberDays: [{ ...MEMBER_DAY, audienceOk: false, audienceOkAsMember: true }, { ...MEMBER_DAY, id: 'md2', audienceOk: false }] });
    const m = asPaidMember(i);
    expect(m.buyer.isMember).toBe(true);
    expect(m.memberDays.map((md) => md.audienceOk)).toEqual([true, false]);
    expect(asPaidMember(input({ memberDays: [{ ...MEMBER_DAY, audienceOk: true, audienceOkAsMember: false }] })).memberDays[0].audienceOk).toBe(true);
    expect(asPaidMember(input()).memberDays).toEqual([]);
  });
});
