import { randomInt } from 'node:crypto';

/** 20 characters: the UTC time to the second, then 6 random digits (unique key behind it). */
export function newBusinessNo(now: Date, prefix = ''): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `${prefix}${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
