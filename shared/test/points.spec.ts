import fc from 'fast-check';
import { birthdayFallsOn, POINTS_KIND_LABEL, POINTS_KINDS, pointsKept } from '../src';

describe('points rules', () => {
  it('labels every ledger kind', () => {
    expect(POINTS_KINDS.map((k) => POINTS_KIND_LABEL[k]).every((l) => l.length > 0)).toBe(true);
  });

  it('keeps what the refunds did not take back, proportionally and floored on the reversal', () => {
    expect(pointsKept(100, 10000, 0)).toBe(100);
    expect(pointsKept(100, 10000, 3333)).toBe(67); // reversed floor(33.33) = 33
    expect(pointsKept(100, 10000, 9999)).toBe(1);
    expect(pointsKept(100, 10000, 10000)).toBe(0);
    expect(pointsKept(100, 10000, 10800)).toBe(0); // shipping refunded with the last units
    expect(pointsKept(0, 10000, 5000)).toBe(0);
    expect(pointsKept(7, 0, 0)).toBe(7);
  });

  it('reversals over any sequence of partial refunds never exceed what was earned, and a full refund takes the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 8 }), (earned, paid, steps) => {
        let refunded = 0;
        let kept = earned;
        for (const s of steps) {
          refunded = Math.min(paid, refunded + Math.ceil((paid * s) / 20_000));
          const next = pointsKept(earned, paid, refunded);
          expect(next).toBeLessThanOrEqual(kept); // a reversal is never a credit
          expect(next).toBeGreaterThanOrEqual(0);
          kept = next;
        }
        expect(pointsKept(earned, paid, paid)).toBe(0);
      }),
    );
  });

  it('finds the birthday on its month-day, and 29 February on the 28th in common years', () => {
    expect(birthdayFallsOn('1990-03-07', 2026, 3, 7)).toBe(true);
    expect(birthdayFallsOn('1990-03-07', 2026, 3, 8)).toBe(false);
    expect(birthdayFallsOn('1990-03-07', 2026, 7, 3)).toBe(false);
    expect(birthdayFallsOn('2000-02-29', 2027, 2, 28)).toBe(true);
    expect(birthdayFallsOn('2000-02-29', 2027, 3, 1)).toBe(false);
    expect(birthdayFallsOn('2000-02-29', 2028, 2, 28)).toBe(false);
    expect(birthdayFallsOn('2000-02-29', 2028, 2, 29)).toBe(true);
    expect(birthdayFallsOn('2000-02-29', 2100, 2, 28)).toBe(true); // 2100 is not a leap year
    expect(birthdayFallsOn('1999-02-28', 2027, 2, 28)).toBe(true);
    expect(birthdayFallsOn('not a date', 2027, 2, 28)).toBe(false);
  });
});
