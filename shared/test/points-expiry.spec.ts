import fc from 'fast-check';
import {
  addDays,
  isStoreDay,
  localToUtc,
  nextPointsExpiry,
  pointsExpiredBy,
  pointsExpiryAt,
  pointsExpiryDate,
  pointsExpirySchedule,
  storeDayAt,
  type PointsLot,
} from '../src';

const SH = 'Asia/Shanghai';
const ZONES = [SH, 'UTC', 'America/New_York', 'America/Los_Angeles', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

describe('pointsExpiryDate / pointsExpiryAt', () => {
  it('is 31 December of the year after (years = 1), of year + n, or never (0)', () => {
    expect(pointsExpiryDate('2026-01-01', 1)).toBe('2027-12-31');
    expect(pointsExpiryDate('2026-12-31', 1)).toBe('2027-12-31');
    expect(pointsExpiryDate('2028-02-29', 1)).toBe('2029-12-31');
    expect(pointsExpiryDate('2026-06-15', 3)).toBe('2029-12-31');
    expect(pointsExpiryDate('2026-06-15', 0)).toBeNull();
    expect(() => pointsExpiryDate('2026-06-15', -1)).toThrow(RangeError);
    expect(() => pointsExpiryDate('2026-06-15', 1.5)).toThrow(RangeError);
  });

  it("turns the year at the store's midnight (Shanghai: 16:00 UTC on 31 December)", () => {
    expect(pointsExpiryAt(SH, new Date('2026-12-31T15:59:59.999Z'), 1)).toBe('2027-12-31');
    expect(pointsExpiryAt(SH, new Date('2026-12-31T16:00:00.000Z'), 1)).toBe('2028-12-31');
    expect(pointsExpiryAt('UTC', new Date('2026-12-31T16:00:00.000Z'), 1)).toBe('2027-12-31');
    expect(pointsExpiryAt('America/New_York', new Date('2027-01-01T03:00:00.000Z'), 1)).toBe('2027-12-31');
  });

  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
  const zone = fc.constantFrom(...ZONES);
  const years = fc.integer({ min: 1, max: 10 });

  it('is a 31 December `years` after the local year of the instant, never before the day earned', () => {
    fc.assert(
      fc.property(instant, zone, years, (at, tz, n) => {
        const earned = storeDayAt(tz, at);
        const exp = pointsExpiryAt(tz, at, n)!;
        expect(isStoreDay(exp)).toBe(true);
        expect(exp.slice(4)).toBe('-12-31');
        expect(Number(exp.slice(0, 4)) - Number(earned.slice(0, 4))).toBe(n);
        expect(exp > earned).toBe(true);
      }),
    );
  });

  it('never comes sooner for a later credit (so the oldest points are the soonest to expire)', () => {
    fc.assert(
      fc.property(instant, instant, zone, years, (a, b, tz, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(pointsExpiryAt(tz, early, n)! <= pointsExpiryAt(tz, late, n)!).toBe(true);
      }),
    );
  });

  it('gains exactly one year across a local new year, leap years included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2098 }), zone, years, (y, tz, n) => {
        const newYear = localToUtc(tz, y + 1, 1, 1, 0);
        const before = pointsExpiryAt(tz, new Date(newYear.getTime() - 1), n)!;
        const after = pointsExpiryAt(tz, newYear, n)!;
        expect(before).toBe(`${y + n}-12-31`);
        expect(after).toBe(`${y + 1 + n}-12-31`);
      }),
    );
  });
});

/**
 * A model that keeps every lot and what is left of it: a debit takes from the soonest-expiring
 * lots first, points given back restore the latest-expiring use first, and the expiry job empties
 * the lots whose day has passed. The formula must agree with it at every step.
 */
class Model {
  lots: { expiresOn: string | null; points: number; used: number }[] = [];
  balance = 0;

  private order() {
    return [...this.lots].sort((a, b) => (a.expiresOn ?? '9999') .localeCompare(b.expiresOn ?? '9999'));
  }
  credit(points: number, expiresOn: string | null) {
    this.lots.push({ expiresOn, points, used: 0 });
    this.balance += points;
  }
  debit(points: number) {
    let left = points;
    for (const l of this.order()) {
      const take = Math.min(left, l.points - l.used);
      l.used += take;
      left -= take;
    }
    this.balance -= points;
  }
  giveBack(points: number) {
    let left = points;
    for (const l of this.order().reverse()) {
      const back = Math.min(left, l.used);
      l.used -= back;
      left -= back;
    }
    this.balance += points;
  }
  remainingBy(day: string) {
    return this.lots.filter((l) => l.expiresOn !== null && l.expiresOn <= day).reduce((s, l) => s + l.points - l.used, 0);
  }
  asLots(): PointsLot[] {
    return this.lots.map((l) => ({ expiresOn: l.expiresOn, points: l.points }));
  }
  used() {
    return this.lots.reduce((s, l) => s + l.used, 0);
  }
}

type Op = { kind: 'credit'; points: number } | { kind: 'debit'; share: number } | { kind: 'giveBack'; share: number } | { kind: 'days'; n: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('credit' as const), points: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('debit' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('giveBack' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 400 }) }),
);

describe('FIFO expiry without lots: pointsExpiredBy, pointsExpirySchedule', () => {
  it('agrees with a model that keeps every lot, through spending, giving back, the job and year ends', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('2026-01-01', '2027-12-25', '2028-02-28'), (ops, years, start) => {
        const m = new Model();
        let today: string = start;
        const expireJob = () => {
          // what the job posts on `today`: everything expired by yesterday, as one EXPIRE debit
          const due = pointsExpiredBy(m.balance, m.asLots(), addDays(today, -1));
          expect(due).toBe(m.remainingBy(addDays(today, -1)));
          if (due > 0) m.debit(due);
        };
        for (const o of ops) {
          if (o.kind === 'credit') m.credit(o.points, pointsExpiryDate(today, years));
          else if (o.kind === 'debit') m.debit(Math.floor(o.share * m.balance));
          else if (o.kind === 'giveBack') m.giveBack(Math.floor(o.share * m.used()));
          else {
            today = addDays(today, o.n);
            expireJob();
          }
          for (const d of [...new Set(m.lots.map((l) => l.expiresOn).filter((x): x is string => x !== null))]) {
            expect(pointsExpiredBy(m.balance, m.asLots(), d)).toBe(m.remainingBy(d));
          }
          const schedule = pointsExpirySchedule(m.balance, m.asLots(), today);
          let gone = m.remainingBy(addDays(today, -1));
          for (const s of schedule) {
            expect(s.date >= today).toBe(true);
            expect(s.points).toBe(m.remainingBy(s.date) - gone);
            gone = m.remainingBy(s.date);
          }
          expect(schedule.map((s) => s.date)).toEqual([...schedule.map((s) => s.date)].sort());
          expect(schedule.every((s) => s.points > 0)).toBe(true);
          expect(nextPointsExpiry(m.balance, m.asLots(), today)).toEqual(schedule[0] ?? null);
        }
      }),
    );
  });

  it('never expires below zero: a balance at or below zero (a shortfall) has nothing to expire', () => {
    const lots = fc.array(fc.record({ expiresOn: fc.option(fc.constantFrom('2026-12-31', '2027-12-31', '2028-12-31'), { nil: null }), points: fc.integer({ min: 1, max: 1000 }) }));
    fc.assert(
      fc.property(lots, fc.integer({ min: -5000, max: 0 }), fc.constantFrom('2026-12-31', '2027-06-01', '2029-01-01'), (ls, balance, day) => {
        expect(pointsExpiredBy(balance, ls, day)).toBe(0);
        expect(pointsExpirySchedule(balance, ls, '2026-01-01')).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(lots, fc.integer({ min: 0, max: 5000 }), fc.constantFrom('2026-01-01', '2027-06-01'), (ls, balance, today) => {
        const total = pointsExpirySchedule(balance, ls, today).reduce((s, x) => s + x.points, 0);
        expect(total).toBeLessThanOrEqual(balance);
      }),
    );
  });

  it('says how much of an exact example expires when', () => {
    // 300 earned in 2026, 200 in 2027, 120 spent: the 2026 points go first
    const lots: PointsLot[] = [
      { expiresOn: '2027-12-31', points: 300 },
      { expiresOn: '2028-12-31', points: 200 },
    ];
    expect(pointsExpirySchedule(380, lots, '2027-12-01')).toEqual([
      { date: '2027-12-31', points: 180 },
      { date: '2028-12-31', points: 200 },
    ]);
    expect(nextPointsExpiry(380, lots, '2028-01-01')).toEqual({ date: '2028-12-31', points: 200 });
    expect(pointsExpiredBy(380, lots, '2027-12-31')).toBe(180);
    expect(nextPointsExpiry(0, lots, '2027-12-01')).toBeNull();
    expect(nextPointsExpiry(50, [{ expiresOn: null, points: 50 }], '2027-12-01')).toBeNull();
  });
});
