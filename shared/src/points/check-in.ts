/**
 * Daily check-in rules (domain.md "Check-in"). Pure: no clock. Dates are store days
 * ('YYYY-MM-DD' in the store's time zone), worked out by the caller and passed in.
 *
 * - One check-in per customer and store day. The streak is the number of consecutive store days
 *   checked in, ending on the day; a missed day resets it.
 * - A check-in earns `dailyPoints`, plus a milestone's `bonusPoints` on the streak day it names.
 *   The reward cycle restarts after its last day: the cycle is as long as the largest milestone day,
 *   but at least 7 days (7 with the defaults), so day 8 is paid like day 1 and day 10 like day 3.
 *   The streak itself keeps counting (8, 9, …); only the reward repeats.
 * - A paid member's award is `roundHalfUp((daily + bonus) × pointsMultiplierBp / 10000)`: rounded
 *   once, on the day's total.
 * - Make-up (补签): a missed day of the current store month before today, for `makeUpCostPoints`,
 *   when `makeUpEnabled`. The day counts for the streak like any other (so it can repair a broken
 *   streak), but it earns only `dailyPoints`: no milestone bonus, no multiplier. Rewards already paid
 *   for later days are never recomputed.
 * - A store day before the last check-in (the clock moved backwards) checks nothing in.
 */
import { localDate, localToUtc } from '../member-day/recurrence';
import { mulDivRoundHalfUp } from '../money';

export interface CheckInMilestone {
  /** The streak day (in the cycle) that earns the bonus, 1 … 31. */
  day: number;
  bonusPoints: number;
}

export interface CheckInRules {
  dailyPoints: number;
  milestones: readonly CheckInMilestone[];
  makeUpEnabled: boolean;
  makeUpCostPoints: number;
}

export const DEFAULT_CHECK_IN_RULES: Readonly<CheckInRules> = {
  dailyPoints: 5,
  milestones: [
    { day: 3, bonusPoints: 10 },
    { day: 7, bonusPoints: 30 },
  ],
  makeUpEnabled: false,
  makeUpCostPoints: 20,
};

export const CHECK_IN_MAX_MILESTONES = 7;
export const CHECK_IN_MAX_MILESTONE_DAY = 31;
/** The shortest reward cycle: a week. */
export const CHECK_IN_MIN_CYCLE_DAYS = 7;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isStoreDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCFullYear() === Number(m[1]) && t.getUTCMonth() + 1 === Number(m[2]) && t.getUTCDate() === Number(m[3]);
}

/** Whether `s` is a month written YYYY-MM (01 … 12). */
export function isStoreMonth(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s) && Number(s.slice(0, 4)) >= 1;
}

/** A store day from the local date parts (month 1-12). */
export function storeDayOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The store day of an instant in the store's time zone (Asia/Shanghai: from 16:00 UTC the next day). */
export function storeDayAt(timeZone: string, at: Date): string {
  const [y, m, d] = localDate(timeZone, at);
  return storeDayOf(y, m, d);
}

/** The instant store day `date` (YYYY-MM-DD) begins in the store's time zone: the start of a range of store days. */
export function storeDayStart(timeZone: string, date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return localToUtc(timeZone, y, m, d, 0);
}

/** The store day `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const m = DATE_RE.exec(date)!;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + n * DAY_MS);
  return storeDayOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Every day of a month 'YYYY-MM', in order. */
export function daysOfMonth(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => storeDayOf(y, m, i + 1));
}

/** The reward cycle's length: the largest milestone day, at least 7. */
export function checkInCycleDays(rules: Pick<CheckInRules, 'milestones'>): number {
  return Math.max(CHECK_IN_MIN_CYCLE_DAYS, ...rules.milestones.map((x) => x.day));
}

/** Where a streak day falls in the reward cycle, 1 … cycle (day 8 of a 7-day cycle is 1). */
export function cycleDayOf(streak: number, rules: Pick<CheckInRules, 'milestones'>): number {
  return ((streak - 1) % checkInCycleDays(rules)) + 1;
}

/** The milestone bonus of a streak day (0 when none is due). */
export function milestoneBonus(streak: number, rules: Pick<CheckInRules, 'milestones'>): number {
  const day = cycleDayOf(streak, rules);
  return rules.milestones.filter((x) => x.day === day).reduce((s, x) => s + x.bonusPoints, 0);
}

/** Consecutive checked-in days ending on `date` (0 when `date` itself is not checked in). */
export function streakEndingOn(checked: ReadonlySet<string>, date: string): number {
  let n = 0;
  for (let d = date; checked.has(d); d = addDays(d, -1)) n++;
  return n;
}

/** The current streak: ending today, else ending yesterday (today can still continue it), else 0. */
export function currentStreak(checked: ReadonlySet<string>, today: string): number {
  return checked.has(today) ? streakEndingOn(checked, today) : streakEndingOn(checked, addDays(today, -1));
}

/** The latest checked-in day, or null. */
function lastDay(checked: ReadonlySet<string>): string | null {
  let last: string | null = null;
  for (const d of checked) if (last === null || d > last) last = d;
  return last;
}

export type CheckInRefusal = 'ALREADY_CHECKED_IN' | 'BEFORE_LAST_CHECK_IN';

export type CheckInOutcome =
  | { ok: true; date: string; streak: number; dailyPoints: number; bonusPoints: number; multiplierBp: number; pointsAwarded: number }
  | { ok: false; reason: CheckInRefusal };

/**
 * Checking in on `today`, given the days checked in before (made-up days included) and the
 * multiplier that applies (a paid member's tier `pointsMultiplierBp`, else 10000).
 */
export function checkIn(checked: ReadonlySet<string>, today: string, rules: CheckInRules, multiplierBp: number): CheckInOutcome {
  if (checked.has(today)) return { ok: false, reason: 'ALREADY_CHECKED_IN' };
  const last = lastDay(checked);
  if (last !== null && today < last) return { ok: false, reason: 'BEFORE_LAST_CHECK_IN' };
  const streak = streakEndingOn(checked, addDays(today, -1)) + 1;
  const bonusPoints = milestoneBonus(streak, rules);
  const pointsAwarded = mulDivRoundHalfUp(rules.dailyPoints + bonusPoints, multiplierBp, 10_000);
  return { ok: true, date: today, streak, dailyPoints: rules.dailyPoints, bonusPoints, multiplierBp, pointsAwarded };
}

export type MakeUpRefusal = 'MAKE_UP_OFF' | 'NOT_A_MISSED_DAY' | 'ALREADY_CHECKED_IN' | 'BEFORE_LAST_CHECK_IN';

export type MakeUpOutcome =
  | { ok: true; date: string; streak: number; currentStreak: number; pointsAwarded: number; costPoints: number }
  | { ok: false; reason: MakeUpRefusal };

/**
 * Making up `date` on `today`: `date` must be a day of today's month before today, not checked
 * in. `streak` is the streak ending on the made-up day, `currentStreak` the customer's current
 * streak once it is in (the make-up may have joined two runs).
 */
export function makeUp(checked: ReadonlySet<string>, date: string, today: string, rules: CheckInRules): MakeUpOutcome {
  if (!rules.makeUpEnabled) return { ok: false, reason: 'MAKE_UP_OFF' };
  if (!isStoreDay(date) || date.slice(0, 7) !== today.slice(0, 7) || date >= today) return { ok: false, reason: 'NOT_A_MISSED_DAY' };
  if (checked.has(date)) return { ok: false, reason: 'ALREADY_CHECKED_IN' };
  const last = lastDay(checked);
  if (last !== null && today < last) return { ok: false, reason: 'BEFORE_LAST_CHECK_IN' };
  const after = new Set(checked).add(date);
  return {
    ok: true,
    date,
    streak: streakEndingOn(after, date),
    currentStreak: currentStreak(after, today),
    pointsAwarded: rules.dailyPoints,
    costPoints: rules.makeUpCostPoints,
  };
}

/**
 * The next milestone the customer's check-ins reach, given the current streak (currentStreak):
 * whether today is checked in or not, the next check-in has streak + 1 (today's continues a streak
 * that ended yesterday; a broken one is 0). `daysLeft` counts the check-ins up to and including the
 * one that earns the bonus (1 = the next check-in). Null without any milestone bonus.
 */
export function nextMilestone(streak: number, rules: CheckInRules): { day: number; bonusPoints: number; daysLeft: number } | null {
  if (!rules.milestones.some((x) => x.bonusPoints > 0)) return null;
  const cycle = checkInCycleDays(rules);
  for (let k = 1; k <= cycle; k++) {
    const day = cycleDayOf(streak + k, rules);
    const bonusPoints = milestoneBonus(streak + k, rules);
    if (bonusPoints > 0) return { day, bonusPoints, daysLeft: k };
  }
  return null;
}

/**
 * What is wrong with check-in rules, as `{field, problem}` (Chinese, for the merchant); empty when valid.
 * Every number an integer ≥ 0; milestone days 1 … 31 and unique; at most 7 milestones.
 */
export function checkInRulesProblems(r: CheckInRules): { field: string; problem: string }[] {
  const out: { field: string; problem: string }[] = [];
  const count = (field: string, v: unknown) => {
    if (!Number.isSafeInteger(v) || (v as number) < 0) out.push({ field, problem: '须为不小于 0 的整数' });
  };
  count('dailyPoints', r.dailyPoints);
  count('makeUpCostPoints', r.makeUpCostPoints);
  if (typeof r.makeUpEnabled !== 'boolean') out.push({ field: 'makeUpEnabled', problem: '须为 true 或 false' });
  if (!Array.isArray(r.milestones)) {
    out.push({ field: 'milestones', problem: '须为数组' });
    return out;
  }
  if (r.milestones.length > CHECK_IN_MAX_MILESTONES) out.push({ field: 'milestones', problem: `最多 ${CHECK_IN_MAX_MILESTONES} 项` });
  r.milestones.forEach((x, i) => {
    if (!Number.isInteger(x?.day) || x.day < 1 || x.day > CHECK_IN_MAX_MILESTONE_DAY) out.push({ field: `milestones.${i}.day`, problem: `须为 1 … ${CHECK_IN_MAX_MILESTONE_DAY} 的整数` });
    count(`milestones.${i}.bonusPoints`, x?.bonusPoints);
  });
  const days = r.milestones.map((x) => x?.day);
  if (new Set(days).size !== days.length) out.push({ field: 'milestones', problem: '连续签到天数有重复' });
  return out;
}
