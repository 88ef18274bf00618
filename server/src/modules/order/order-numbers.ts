import { randomInt } from 'node:crypto';
import { isDuplicateKey } from '../../common/tx';

/** 24 characters: the UTC time to the second, then 10 random digits (a unique key behind it). */
export function newBusinessNo(now: Date, prefix = ''): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `${prefix}${stamp}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
}

/**
 * Inserts a row under a new business number, drawing another when the number is taken. With six
 * random digits, two of ~140 orders in one second shared a number about once a minute; with ten
 * that is once in days, and the unique key still decides: a duplicate fails only that statement
 * (on MariaDB and SQLite alike), so the insert is simply tried again inside the same transaction.
 */
export async function insertWithBusinessNo<T>(now: Date, prefix: string, insert: (no: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert(newBusinessNo(now, prefix));
    } catch (e) {
      if (attempt === 3 || !isDuplicateKey(e)) throw e;
    }
  }
}
