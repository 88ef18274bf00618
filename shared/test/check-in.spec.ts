import fc from 'fast-check';
import {
  addDays,
  checkIn,
  checkInCycleDays,
  checkInRulesProblems,
  currentStreak,
  daysOfMonth,
  DEFAULT_CHECK_IN_RULES,
  isStoreDay,
  isStoreMonth,
  makeUp,
  nextMilestone,
  storeDayAt,
  streakEndingOn,
  type CheckInRules,
} from '../src';

const rules: CheckInRules = DEFAULT_CHECK_IN_RULES;
const SH = 'Asia/Shanghai';

/** Checks in on each day in turn (skipping refusals), as the server does; returns the awards. */
function run(days: readonly string[], r: CheckInRules = rules, multiplierBp = 10_000) {
  const checked = new Set<string>();
  const awards: { date: string; streak: number; points: number }[] = [];
  for (const d of days) {
    const o = checkIn(checked, d, r, multiplierBp);
    if (!o.ok) continue;
    checked.add(d);
    awards.push({ date: d, streak: o.streak, points: o.pointsAwarded });
  }
  return { checked, awards };
}

const consecutive = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('check-in rules', () => {
  it('pays 5 a day, +10 on day 3 and +30 on day 7, and restarts the reward cycle after day 7', () => {
    const { awards } = run(consecutive('2027-03-01', 17));
    expect(awards.map((a) => a.streak)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(awards.map((a) => a.points)).toEqual([5, 5, 15, 5, 5, 5, 35, 5, 5, 15, 5, 5, 5, 35, 5, 5, 15]);
  });

  it('resets the streak after a missed day', () => {
    const { awards } = run(['2027-03-01', '2027-03-02', '2027-03-04', '2027-03-05', '2027-03-06']);
    expect(awards.map((a) => [a.date, a.streak, a.points])).toEqual([
      ['2027-03-01', 1, 5],
      ['2027-03-02', 2, 5],
      ['2027-03-04', 1, 5],
      ['2027-03-05', 2, 5],
      ['2027-03-06', 3, 15],
    ]);
  });

  it("applies a member's multiplier once to the day's total, rounding half up", () => {
    const checked = new Set(['2027-03-01', '2027-03-02']);
    const day3 = checkIn(checked, '2027-03-03', rules, 12_500);
    expect(day3).toMatchObject({ ok: true, streak: 3, dailyPoints: 5, bonusPoints: 10, pointsAwarded: 19 }); // 15 × 1.25 = 18.75
    expect(checkIn(new Set(), '2027-03-03', rules, 15_000)).toMatchObject({ pointsAwarded: 8 }); // 7.5 → 8 (half up)
    expect(checkIn(new Set(), '2027-03-03', rules, 11_000)).toMatchObject({ pointsAwarded: 6 }); // 5.5 → 6
    expect(checkIn(new Set(), '2027-03-03', rules, 10_500)).toMatchObject({ pointsAwarded: 5 }); // 5.25 → 5
  });

  it('refuses a second check-in on a day, and a day before the last check-in', () => {
    const checked = new Set(['2027-03-05']);
    expect(checkIn(checked, '2027-03-05', rules, 10_000)).toEqual({ ok: false, reason: 'ALREADY_CHECKED_IN' });
    expect(checkIn(checked, '2027-03-04', rules, 10_000)).toEqual({ ok: false, reason: 'BEFORE_LAST_CHECK_IN' });
  });

  it('a longer milestone makes a longer cycle', () => {
    const r = { ...rules, milestones: [{ day: 10, bonusPoints: 50 }] };
    expect(checkInCycleDays(r)).toBe(10);
    expect(checkInCycleDays({ milestones: [] })).toBe(7);
    const { awards } = run(consecutive('2027-01-01', 21), r);
    expect(awards.filter((a) => a.points > 5).map((a) => a.streak)).toEqual([10, 20]);
  });

  it('the current streak: ending today, else yesterday, else 0', () => {
    const checked = new Set(['2027-03-01', '2027-03-02', '2027-03-03']);
    expect(currentStreak(checked, '2027-03-03')).toBe(3);
    expect(currentStreak(checked, '2027-03-04')).toBe(3);
    expect(currentStreak(checked, '2027-03-05')).toBe(0);
  });

  it('the next milestone counts the check-ins still needed', () => {
    expect(nextMilestone(0, rules)).toEqual({ day: 3, bonusPoints: 10, daysLeft: 3 });
    expect(nextMilestone(2, rules)).toEqual({ day: 3, bonusPoints: 10, daysLeft: 1 });
    expect(nextMilestone(3, rules)).toEqual({ day: 7, bonusPoints: 30, daysLeft: 4 });
    expect(nextMilestone(7, rules)).toEqual({ day: 3, bonusPoints: 10, daysLeft: 3 }); // the next cycle
    expect(nextMilestone(9, rules)).toEqual({ day: 3, bonusPoints: 10, daysLeft: 1 });
    expect(nextMilestone(0, { ...rules, milestones: [] })).toBeNull();
  });

  describe('make-up', () => {
    const on = { ...rules, makeUpEnabled: true };
    it('is off by default', () => {
      expect(makeUp(new Set(), '2027-03-01', '2027-03-05', rules)).toEqual({ ok: false, reason: 'MAKE_UP_OFF' });
    });
    it('takes only a missed day of the current month before today', () => {
      const checked = new Set(['2027-03-02']);
      expect(makeUp(checked, '2027-03-02', '2027-03-05', on)).toEqual({ ok: false, reason: 'ALREADY_CHECKED_IN' });
      expect(makeUp(checked, '2027-03-05', '2027-03-05', on)).toEqual({ ok: false, reason: 'NOT_A_MISSED_DAY' });
      expect(makeUp(checked, '2027-03-06', '2027-03-05', on)).toEqual({ ok: false, reason: 'NOT_A_MISSED_DAY' });
      expect(makeUp(checked, '2027-02-28', '2027-03-05', on)).toEqual({ ok: false, reason: 'NOT_A_MISSED_DAY' });
      expect(makeUp(checked, '2027-02-30', '2027-03-05', on)).toEqual({ ok: false, reason: 'NOT_A_MISSED_DAY' });
      expect(makeUp(checked, '2027-03-01', '2027-03-05', on)).toEqual({ ok: true, date: '2027-03-01', streak: 1, currentStreak: 0, pointsAwarded: 5, costPoints: 20 });
    });
    it('repairs a streak and earns only the daily points', () => {
      // 1, 2 and 4 checked in, 3 missed; today is the 5th (not checked in yet)
      const checked = new Set(['2027-03-01', '2027-03-02', '2027-03-04']);
      const o = makeUp(checked, '2027-03-03', '2027-03-05', on);
      expect(o).toEqual({ ok: true, date: '2027-03-03', streak: 3, currentStreak: 4, pointsAwarded: 5, costPoints: 20 }); // day 3 of the streak, but no bonus
      checked.add('2027-03-03');
      expect(checkIn(checked, '2027-03-05', on, 10_000)).toMatchObject({ ok: true, streak: 5, pointsAwarded: 5 });
    });
  });

  it('validates rules', () => {
    expect(checkInRulesProblems(rules)).toEqual([]);
    expect(checkInRulesProblems({ ...rules, dailyPoints: -1 })).toEqual([{ field: 'dailyPoints', problem: expect.any(String) }]);
    expect(checkInRulesProblems({ ...rules, makeUpCostPoints: 1.5 })).toEqual([{ field: 'makeUpCostPoints', problem: expect.any(String) }]);
    expect(checkInRulesProblems({ ...rules, milestones: [{ day: 0, bonusPoints: 1 }] }).map((p) => p.field)).toEqual(['milestones.0.day']);
    expect(checkInRulesProblems({ ...rules, milestones: [{ day: 32, bonusPoints: 1 }] }).map((p) => p.field)).toEqual(['milestones.0.day']);
    expect(checkInRulesProblems({ ...rules, milestones: [{ day: 3, bonusPoints: 1 }, { day: 3, bonusPoints: 2 }] }).map((p) => p.field)).toEqual(['milestones']);
    expect(checkInRulesProblems({ ...rules, milestones: Array.from({ length: 8 }, (_, i) => ({ day: i + 1, bonusPoints: 1 })) }).map((p) => p.field)).toEqual(['milestones']);
  });

  describe('dates', () => {
    it('knows real days and months', () => {
      expect(isStoreDay('2028-02-29')).toBe(true);
      expect(isStoreDay('2027-02-29')).toBe(false);
      expect(isStoreDay('2027-04-31')).toBe(false);
      expect(isStoreDay('2027-4-3')).toBe(false);
      expect(isStoreMonth('2027-12')).toBe(true);
      expect(isStoreMonth('2027-13')).toBe(false);
      expect(isStoreMonth('2027-00')).toBe(false);
      expect(daysOfMonth('2028-02')).toHaveLength(29);
      expect(daysOfMonth('2027-02')).toHaveLength(28);
      expect(daysOfMonth('2027-12').at(-1)).toBe('2027-12-31');
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
      expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
      expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    });

    it('the Shanghai store day turns at 16:00 UTC', () => {
      expect(storeDayAt(SH, new Date('2027-03-01T15:59:59.999Z'))).toBe('2027-03-01');
      expect(storeDayAt(SH, new Date('2027-03-01T16:00:00.000Z'))).toBe('2027-03-02');
      expect(storeDayAt(SH, new Date('2028-02-28T16:00:00.000Z'))).toBe('2028-02-29');
      expect(storeDayAt(SH, new Date('2027-12-31T16:00:00.000Z'))).toBe('2028-01-01');
    });
  });

  describe('properties', () => {
    /** Instants between 2027 and 2029 (covering 29 February 2028), one check-in attempt each. */
    const instants = fc.array(fc.integer({ min: Date.UTC(2027, 0, 1), max: Date.UTC(2029, 0, 1) }), { maxLength: 60 });
    /** Walks of store time: mostly forward by hours or days, sometimes backwards (the clock moved back). */
    const walk = fc.tuple(
      fc.integer({ min: Date.UTC(2027, 0, 1), max: Date.UTC(2029, 0, 1) }),
      fc.array(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), { maxLength: 80 }),
    );
    const instantsOf = ([start, steps]: [number, number[]]) => steps.reduce<number[]>((acc, s) => [...acc, (acc.at(-1) ?? start) + s], [start]);

    it('the streak never exceeds the days checked in, and is 1 + the streak of the day before', () => {
      fc.assert(
        fc.property(walk, (w) => {
          const checked = new Set<string>();
          for (const at of instantsOf(w)) {
            const today = storeDayAt(SH, new Date(at));
            const o = checkIn(checked, today, rules, 10_000);
            if (!o.ok) continue;
            expect(o.streak).toBe(streakEndingOn(checked, addDays(today, -1)) + 1);
            checked.add(today);
            expect(o.streak).toBeLessThanOrEqual(checked.size);
            expect(currentStreak(checked, today)).toBe(o.streak);
          }
        }),
      );
    });

    it('a clock moved backwards never awards anything nor changes the days checked in', () => {
      fc.assert(
        fc.property(walk, (w) => {
          const checked = new Set<string>();
          let last: string | null = null;
          for (const at of instantsOf(w)) {
            const today = storeDayAt(SH, new Date(at));
            const o = checkIn(checked, today, rules, 10_000);
            if (last !== null && today <= last) {
              expect(o.ok).toBe(false);
              continue;
            }
            expect(o.ok).toBe(true);
            checked.add(today);
            last = today;
          }
          // the days checked in are increasing in the order they were taken
          const list = [...checked];
          expect(list).toEqual([...list].sort());
        }),
      );
    });

    it('one award per store day: attempts at any instants pay each local day once', () => {
      fc.assert(
        fc.property(instants, (xs) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const { checked, awards } = run(sorted.map((at) => storeDayAt(SH, new Date(at))));
          expect(awards).toHaveLength(new Set(sorted.map((at) => storeDayAt(SH, new Date(at)))).size);
          expect(checked.size).toBe(awards.length);
        }),
      );
    });

    it('instants either side of Shanghai midnight are consecutive days of one streak, across month ends and 29 February', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 30 * 60_000 }), fc.integer({ min: 0, max: 30 * 60_000 }), (dayIndex, before, after) => {
          const midnight = Date.UTC(2027, 0, 1, 16) + dayIndex * 86_400_000; // 00:00 in Shanghai
          const d1 = storeDayAt(SH, new Date(midnight - before));
          const d2 = storeDayAt(SH, new Date(midnight + after));
          expect(addDays(d1, 1)).toBe(d2);
          const checked = new Set<string>();
          const first = checkIn(checked, d1, rules, 10_000);
          checked.add(d1);
          expect(first).toMatchObject({ ok: true, streak: 1 });
          expect(checkIn(checked, d2, rules, 10_000)).toMatchObject({ ok: true, streak: 2 });
        }),
      );
    });

    it('awards follow the cycle and the multiplier, and never go below the daily points for a member', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 10_000, max: 100_000 }), (n, bp) => {
          const { awards } = run(consecutive('2027-12-20', n), rules, bp);
          awards.forEach((a, i) => {
            const cycleDay = (i % 7) + 1;
            const base = 5 + (cycleDay === 3 ? 10 : 0) + (cycleDay === 7 ? 30 : 0);
            expect(a.streak).toBe(i + 1);
            expect(a.points).toBe(Math.floor((base * bp + 5_000) / 10_000));
            expect(a.points).toBeGreaterThanOrEqual(base);
          });
        }),
      );
    });

    it('a make-up joins the streak like a check-in and earns only the daily points', () => {
      const on = { ...rules, makeUpEnabled: true };
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 700 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 31 }), fc.nat(), (offset, pattern, pick) => {
          const month = addDays('2027-01-01', offset).slice(0, 7);
          const days = daysOfMonth(month);
          const todayIndex = Math.min(pattern.length, days.length) - 1;
          const today = days[todayIndex];
          const checked = new Set(days.slice(0, todayIndex).filter((_, i) => pattern[i]));
          const missed = days.slice(0, todayIndex).filter((d) => !checked.has(d));
          if (missed.length === 0) return;
          const date = missed[pick % missed.length];
          const o = makeUp(checked, date, today, on);
          if (!o.ok) throw new Error(o.reason);
          const after = new Set(checked).add(date);
          expect(o.pointsAwarded).toBe(5);
          expect(o.streak).toBe(streakEndingOn(after, date));
          expect(o.currentStreak).toBe(currentStreak(after, today));
          expect(o.currentStreak).toBeLessThanOrEqual(after.size);
          expect(makeUp(after, date, today, on)).toEqual({ ok: false, reason: 'ALREADY_CHECKED_IN' });
        }),
      );
    });
  });
});
