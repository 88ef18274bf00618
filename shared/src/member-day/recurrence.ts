/**
 * Member-day recurrence: which local days a member day falls on and its daily window, turned
 * into UTC instants in the store's time zone. Pure: `now` is always an argument.
 */
export type Recurrence = { kind: 'MONTHLY'; days: number[] } | { kind: 'WEEKLY'; weekdays: number[] };

export interface MemberDaySchedule {
  recurrence: Recurrence;
  /** Minutes after local midnight the window opens (0 … 1439). */
  startMinute: number;
  /** Minutes after local midnight the window closes (startMinute+1 … 1440). */
  endMinute: number;
}

export interface Occurrence {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

const DAY_MS = 86_400_000;

// Creating an Intl.DateTimeFormat costs far more than formatting with one: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of a time zone at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.floor((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of local wall time (y, m 1-12, d, minute of day) in a zone. */
export function localToUtc(timeZone: string, y: number, m: number, d: number, minuteOfDay: number): Date {
  const naive = Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
  let guess = naive - zoneOffsetMinutes(timeZone, new Date(naive)) * 60_000;
  guess = naive - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The local calendar date of an instant: [year, month 1-12, day, ISO weekday 1=Mon … 7=Sun]. */
export function localDate(timeZone: string, at: Date): [number, number, number, number] {
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000);
  const weekday = ((shifted.getUTCDay() + 6) % 7) + 1;
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), weekday];
}

/** What is wrong with a schedule, in Chinese for the merchant (shown after `recurrence:`), or null. */
export function validateSchedule(s: MemberDaySchedule): string | null {
  const r = s.recurrence;
  const values = r.kind === 'MONTHLY' ? r.days : r.weekdays;
  const max = r.kind === 'MONTHLY' ? 31 : 7;
  if (values.length === 0) return '请至少选择一天';
  if (values.some((v) => !Number.isInteger(v) || v < 1 || v > max)) return `日期须为 1 … ${max}`;
  if (new Set(values).size !== values.length) return '日期有重复';
  if (!Number.isInteger(s.startMinute) || s.startMinute < 0 || s.startMinute > 1439) return 'startMinute 开始时间须为 0 … 1439（分钟）';
  if (!Number.isInteger(s.endMinute) || s.endMinute <= s.startMinute || s.endMinute > 1440) return 'endMinute 结束时间须晚于开始时间，且不超过 1440（分钟）';
  return null;
}

function falls(r: Recurrence, day: number, weekday: number): boolean {
  // a monthly day 31 simply does not occur in shorter months
  return r.kind === 'MONTHLY' ? r.days.includes(day) : r.weekdays.includes(weekday);
}

/**
 * The next `count` occurrences whose window has not ended at `from` (the current one first, if
 * `from` is inside a window). Looks ahead at most `horizonDays` local days.
 */
export function nextOccurrences(s: MemberDaySchedule, timeZone: string, from: Date, count: number, horizonDays = 800): Occurrence[] {
  const out: Occurrence[] = [];
  const [y0, m0, d0] = localDate(timeZone, from);
  const start = Date.UTC(y0, m0 - 1, d0);
  for (let i = 0; i < horizonDays && out.length < count; i++) {
    const day = new Date(start + i * DAY_MS);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (!falls(s.recurrence, d, weekday)) continue;
    const startsAt = localToUtc(timeZone, y, m, d, s.startMinute);
    const endsAt = localToUtc(timeZone, y, m, d, s.endMinute);
    if (endsAt <= from) continue;
    out.push({ date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, startsAt, endsAt });
  }
  return out;
}

/** The occurrence in force at `now`, or null. */
export function activeOccurrence(s: MemberDaySchedule, timeZone: string, now: Date): Occurrence | null {
  const [first] = nextOccurrences(s, timeZone, now, 1, 2);
  return first && first.startsAt <= now && now < first.endsAt ? first : null;
}

/** Whether two schedules share any instant within the next `horizonDays` days from `from`. */
export function schedulesOverlap(a: MemberDaySchedule, b: MemberDaySchedule, timeZone: string, from: Date, horizonDays = 400): boolean {
  const occA = nextOccurrences(a, timeZone, from, 1000, horizonDays);
  const occB = nextOccurrences(b, timeZone, from, 1000, horizonDays);
  let j = 0;
  for (const x of occA) {
    while (j < occB.length && occB[j].endsAt <= x.startsAt) j++;
    if (j < occB.length && occB[j].startsAt < x.endsAt) return true;
  }
  return false;
}
