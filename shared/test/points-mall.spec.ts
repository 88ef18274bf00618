import fc from 'fast-check';
import { MALL_ITEM_KIND_LABEL, MALL_ITEM_KINDS, pointsShort, redeemableUnits, redemptionBreakdown, redemptionCost, redemptionPointsBack } from '../src';

describe('points mall rules', () => {
  it('labels every item kind', () => {
    expect(MALL_ITEM_KINDS.map((k) => MALL_ITEM_KIND_LABEL[k]).every((l) => l.length > 0)).toBe(true);
  });

  it('costs points and cash per unit; shortfall is what the balance lacks', () => {
    expect(redemptionCost({ pointsCost: 500, cashCents: 990 }, 3)).toEqual({ pointsUsed: 1500, payableCents: 2970 });
    expect(pointsShort(1200, { pointsCost: 500 }, 3)).toBe(300);
    expect(pointsShort(1500, { pointsCost: 500 }, 3)).toBe(0);
    expect(pointsShort(-40, { pointsCost: 500 })).toBe(500); // a shortfall balance counts as nothing
  });

  it('units left: stock capped by the per-customer limit (0 = none)', () => {
    expect(redeemableUnits({ stock: 10, perCustomerLimit: 0 }, 7)).toBe(10);
    expect(redeemableUnits({ stock: 10, perCustomerLimit: 2 }, 1)).toBe(1);
    expect(redeemableUnits({ stock: 10, perCustomerLimit: 2 }, 5)).toBe(0);
    expect(redeemableUnits({ stock: 0, perCustomerLimit: 2 }, 0)).toBe(0);
  });

  it('a breakdown whose totals agree: payable = goods = the line cash, points apart, nothing earned', () => {
    const b = redemptionBreakdown({ pointsCost: 800, cashCents: 1000 }, 2, { skuId: 7, productId: 3, categoryId: 1, requiresShipping: true });
    expect(b).toMatchObject({ goodsCents: 2000, payableCents: 2000, pointsUsed: 1600, pointsValueCents: 0, pointsToEarn: 0, shippingCents: 0 });
    expect(b.lines).toEqual([expect.objectContaining({ skuId: '7', qty: 2, unitPriceCents: 1000, cashPaidCents: 2000 })]);
  });

  it('refunds return the points by cumulative floors: never more than taken, exactly all when every unit is back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 99 }), fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 10 }), (cost, qty, steps) => {
        const pointsUsed = cost * qty;
        let done = 0;
        let back = 0;
        for (const s of steps) {
          const units = Math.min(s, qty - done);
          if (units === 0) break;
          const b = redemptionPointsBack(pointsUsed, qty, done, units);
          expect(b).toBeGreaterThanOrEqual(0);
          back += b;
          done += units;
          expect(back).toBeLessThanOrEqual(pointsUsed);
        }
        back += redemptionPointsBack(pointsUsed, qty, done, qty - done);
        expect(back).toBe(pointsUsed);
      }),
    );
  });
});
