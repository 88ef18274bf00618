import fc from 'fast-check';
import { activeOccurrence, localDate, localToUtc, MemberDaySchedule, nextOccurrences, schedulesOverlap, validateSchedule, zoneOffsetMinutes } from '../src';

const SH = 'Asia/Shanghai';
const monthlyOn7th: MemberDaySchedule = { recurrence: { kind: 'MONTHLY', days: [7] }, startMinute: 0, endMinute: 1440 };

describe('member-day recurrence in the store time zone', () => {
  it('knows Shanghai is UTC+8 and New York observes DST', () => {
    expect(zoneOffsetMinutes(SH, new Date('2027-03-07T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', new Date('2027-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2027-07-15T12:00:00Z'))).toBe(-240);
    expect(localToUtc(SH, 2027, 3, 7, 0).toISOString()).toBe('2027-03-06T16:00:00.000Z');
    expect(localDate(SH, new Date('2027-03-06T16:30:00Z'))).toEqual([2027, 3, 7, 7]); // a Sunday
  });

  it('is active all of the 7th in Shanghai and not at 00:30 on the 8th', () => {
    expect(activeOccurrence(monthlyOn7th, SH, new Date('2027-03-06T16:00:00Z'))?.date).toBe('2027-03-07'); // 00:00 on the 7th
    expect(activeOccurrence(monthlyOn7th, SH, new Date('2027-03-07T15:59:59.999Z'))?.date).toBe('2027-03-07'); // 23:59:59.999
    expect(activeOccurrence(monthlyOn7th, SH, new Date('2027-03-07T16:30:00Z'))).toBeNull(); // 00:30 on the 8th
    expect(activeOccurrence(monthlyOn7th, SH, new Date('2027-03-06T15:59:00Z'))).toBeNull(); // 23:59 on the 6th
  });

  it('respects a daily window', () => {
    const evening: MemberDaySchedule = { recurrence: { kind: 'WEEKLY', weekdays: [5] }, startMinute: 19 * 60, endMinute: 22 * 60 };
    // Friday 2027-03-05, 20:00 Shanghai = 12:00 UTC
    expect(activeOccurrence(evening, SH, new Date('2027-03-05T12:00:00Z'))).toMatchObject({ date: '2027-03-05' });
    expect(activeOccurrence(evening, SH, new Date('2027-03-05T14:00:00Z'))).toBeNull(); // 22:00 closes
    expect(nextOccurrences(evening, SH, new Date('2027-03-05T14:00:00Z'), 1)[0].date).toBe('2027-03-12');
  });

  it('skips months without a 29th to 31st, and finds the 2028 leap day', () => {
    const on29to31: MemberDaySchedule = { recurrence: { kind: 'MONTHLY', days: [29, 30, 31] }, startMinute: 0, endMinute: 1440 };
    const dates = nextOccurrences(on29to31, SH, new Date('2027-01-01T00:00:00Z'), 200, 800).map((o) => o.date);
    expect(dates.filter((d) => d.startsWith('2027-02'))).toEqual([]);
    expect(dates.filter((d) => d.startsWith('2028-02'))).toEqual(['2028-02-29']);
    expect(dates.filter((d) => d.startsWith('2027-04'))).toEqual(['2027-04-29', '2027-04-30']);
    expect(dates.filter((d) => d.startsWith('2027-12'))).toEqual(['2027-12-29', '2027-12-30', '2027-12-31']);
  });

  it('validates schedules', () => {
    expect(validateSchedule(monthlyOn7th)).toBeNull();
    expect(validateSchedule({ ...monthlyOn7th, recurrence: { kind: 'MONTHLY', days: [32] } })).toMatch(/1 … 31/);
    expect(validateSchedule({ ...monthlyOn7th, recurrence: { kind: 'WEEKLY', weekdays: [] } })).toMatch(/至少选择一天/);
    expect(validateSchedule({ ...monthlyOn7th, startMinute: 600, endMinute: 600 })).toMatch(/endMinute.*晚于开始时间/);
    expect(validateSchedule({ ...monthlyOn7th, recurrence: { kind: 'WEEKLY', weekdays: [1, 1] } })).toMatch(/重复/);
  });

  it('detects overlapping schedules', () => {
    const weekendsAllDay: MemberDaySchedule = { recurrence: { kind: 'WEEKLY', weekdays: [6, 7] }, startMinute: 0, endMinute: 1440 };
    const on8th: MemberDaySchedule = { recurrence: { kind: 'MONTHLY', days: [8] }, startMinute: 0, endMinute: 1440 };
    const from = new Date('2027-01-01T00:00:00Z');
    expect(schedulesOverlap(monthlyOn7th, on8th, SH, from)).toBe(false);
    expect(schedulesOverlap(monthlyOn7th, weekendsAllDay, SH, from)).toBe(true); // some 7th is a weekend
    const morning: MemberDaySchedule = { ...monthlyOn7th, endMinute: 600 };
    const evening: MemberDaySchedule = { ...monthlyOn7th, startMinute: 600 };
    expect(schedulesOverlap(morning, evening, SH, from)).toBe(false);
  });

  const schedules = fc
    .record({
      kind: fc.constantFrom('MONTHLY' as const, 'WEEKLY' as const),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 5 }),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
      start: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 1, max: 1440 }),
    })
    .map(({ kind, days, weekdays, start, length }): MemberDaySchedule => ({
      recurrence: kind === 'MONTHLY' ? { kind, days } : { kind, weekdays },
      startMinute: start,
      endMinute: Math.min(1440, start + length),
    }));
  const instants = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

  it('properties: occurrences are ordered, unique, on recurrence days, with the window length, none ended before `from`', () => {
    fc.assert(
      fc.property(schedules, instants, (s, from) => {
        const occ = nextOccurrences(s, SH, from, 12);
        expect(occ.length).toBeGreaterThan(0);
        for (const [i, o] of occ.entries()) {
          expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe((s.endMinute - s.startMinute) * 60_000);
          expect(o.endsAt > from).toBe(true);
          const [, , d, wd] = localDate(SH, o.startsAt);
          if (s.recurrence.kind === 'MONTHLY') expect(s.recurrence.days).toContain(d);
          else expect(s.recurrence.weekdays).toContain(wd);
          if (i > 0) expect(o.startsAt.getTime()).toBeGreaterThanOrEqual(occ[i - 1].endsAt.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('properties: active at an instant iff the instant lies in the first upcoming window', () => {
    fc.assert(
      fc.property(schedules, instants, (s, now) => {
        const active = activeOccurrence(s, SH, now);
        const [first] = nextOccurrences(s, SH, now, 1);
        expect(active !== null).toBe(first.startsAt <= now && now < first.endsAt);
        if (active) {
          expect(activeOccurrence(s, SH, active.startsAt)?.date).toBe(active.date);
          expect(activeOccurrence(s, SH, new Date(active.endsAt.getTime() - 1))?.date).toBe(active.date);
        }
      }),
      { numRuns: 300 },
    );
  });
});
