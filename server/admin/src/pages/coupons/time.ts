/**
 * A coupon's fixed window is entered as store days (China time, UTC+8, the store's default time
 * zone): from 00:00 of the first day to 24:00 of the last.
 */
const OFFSET_MS = 8 * 3_600_000;

/** '2027-03-01' → '2027-02-28T16:00:00.000Z' (00:00 in China). */
export const startOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS).toISOString();

/** '2027-03-31' → '2027-03-31T16:00:00.000Z' (24:00 in China: the window ends before it). */
export const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS + 86_400_000).toISOString();

/** The China date of an instant; for a window's end, the last day it includes. */
export function dayOf(iso: string | null, end = false): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + OFFSET_MS - (end ? 1 : 0)).toISOString().slice(0, 10);
}
