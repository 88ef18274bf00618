import fc from 'fast-check';
import { cardProRataRefundCents, unusedCardDays } from '../src';

const DAY = 86_400_000;
const period = (paidCents: number, days: number, start = Date.UTC(2027, 0, 1)) => ({ paidCents, days, startsAt: new Date(start), endsAt: new Date(start + days * DAY) });

describe('pro-rata card refund', () => {
  it('refunds unused whole days of the price, to the fen', () => {
    const yearly = period(16800, 365);
    expect(cardProRataRefundCents(yearly, new Date(Date.UTC(2027, 0, 1)))).toBe(16800);
    // 10 days and 1 hour in: 354 whole days unused → floor(16800 × 354 / 365) = 16293
    expect(unusedCardDays(yearly, new Date(Date.UTC(2027, 0, 11, 1)))).toBe(354);
    expect(cardProRataRefundCents(yearly, new Date(Date.UTC(2027, 0, 11, 1)))).toBe(16293);
    expect(cardProRataRefundCents(yearly, new Date(Date.UTC(2028, 0, 1)))).toBe(0);
    // a queued renewal that has not started yet is refunded in full
    expect(cardProRataRefundCents(period(1990, 30, Date.UTC(2027, 1, 1)), new Date(Date.UTC(2027, 0, 15)))).toBe(1990);
  });

  it('properties: 0 ≤ refund ≤ paid, never grows as time passes, full before the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 3660 }), fc.integer({ min: 0, max: 4000 * DAY }), fc.integer({ min: 0, max: 4000 * DAY }), (paid, days, a, b) => {
        const p = period(paid, days);
        const early = new Date(p.startsAt.getTime() - DAY + Math.min(a, b));
        const late = new Date(p.startsAt.getTime() - DAY + Math.max(a, b));
        const r1 = cardProRataRefundCents(p, early);
        const r2 = cardProRataRefundCents(p, late);
        expect(Number.isInteger(r1)).toBe(true);
        expect(r1).toBeGreaterThanOrEqual(r2);
        expect(r2).toBeGreaterThanOrEqual(0);
        expect(r1).toBeLessThanOrEqual(paid);
        expect(cardProRataRefundCents(p, p.startsAt)).toBe(paid);
        expect(cardProRataRefundCents(p, p.endsAt)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
