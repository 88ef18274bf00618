/**
 * Points expiry (domain.md "Points": points expire at the end of the year after they were
 * earned, configurable). Pure: days are store days ('YYYY-MM-DD' in the store's time zone),
 * worked out by the caller.
 *
 * - A credit (a "lot": EARN, GIFT, CHECK_IN, a positive ADJUST) posted on store day d expires at
 *   the end of 31 December of year(d) + `pointsExpiryYears`; 0 years: never (`null`).
 * - Every debit (SPEND, EXPIRE, a negative REVERSE or ADJUST) uses the soonest-expiring points
 *   first (FIFO: with one expiry rule that is the oldest first). Points given back (a positive
 *   REVERSE: a cancelled or refunded order returns what it spent) undo the latest of that use.
 * - Then no lot table is needed: of a balance B, the points whose lots expire on or before day D
 *   are `max(0, B − Σ lots expiring after D or never)` — the later lots cover as much of the
 *   balance as they can, and what is left over is the oldest. A balance at or below zero (a
 *   recorded shortfall) has nothing to expire.
 */
import { localDate } from '../member-day/recurrence';
import { addDays } from './check-in';

/** The most years a store may keep points alive (0 = never expire). */
export const POINTS_EXPIRY_MAX_YEARS = 10;

/** What remains of credits by their expiry day (`null`: never). Several lots may share a day. */
export interface PointsLot {
  expiresOn: string | null;
  points: number;
}

/** 'YYYY-12-31' of the year after … : the last day a credit made on store day `earnedOn` can be used; null when `years` is 0. */
export function pointsExpiryDate(earnedOn: string, years: number): string | null {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`pointsExpiryYears must be a whole number ≥ 0, got ${years}`);
  if (years === 0) return null;
  const year = Number(earnedOn.slice(0, 4)) + years;
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The expiry day of a credit made at the instant `at`, by the store's time zone (Shanghai: the year turns at 16:00 UTC on 31 Dec). */
export function pointsExpiryAt(timeZone: string, at: Date, years: number): string | null {
  const [y] = localDate(timeZone, at);
  return pointsExpiryDate(`${String(y).padStart(4, '0')}-01-01`, years);
}

/** The points of a balance whose lots expire on or before `day` (FIFO): max(0, balance − Σ lots expiring after `day` or never). */
export function pointsExpiredBy(balance: number, lots: readonly PointsLot[], day: string): number {
  const later = lots.reduce((s, l) => (l.expiresOn === null || l.expiresOn > day ? s + l.points : s), 0);
  return Math.max(0, balance - later);
}

/**
 * What is due to expire from `today` on, soonest first: for each expiry day ≥ today, the points
 * of the balance that run out at the end of that day (days with nothing left are omitted). Points
 * whose day is before today are overdue (the expiry job takes them) and are not listed.
 */
export function pointsExpirySchedule(balance: number, lots: readonly PointsLot[], today: string): { date: string; points: number }[] {
  const days = [...new Set(lots.map((l) => l.expiresOn).filter((d): d is string => d !== null && d >= today))].sort();
  const out: { date: string; points: number }[] = [];
  let gone = pointsExpiredBy(balance, lots, addDays(today, -1));
  for (const date of days) {
    const by = pointsExpiredBy(balance, lots, date);
    if (by > gone) out.push({ date, points: by - gone });
    gone = by;
  }
  return out;
}

/** The soonest expiry from `today` on ("X 积分将于 D 过期"), or null when nothing is due. */
export function nextPointsExpiry(balance: number, lots: readonly PointsLot[], today: string): { date: string; points: number } | null {
  return pointsExpirySchedule(balance, lots, today)[0] ?? null;
}
