import { localToUtc, pointsExpiryDate } from '@mc/shared';
import { QueryRunner } from 'typeorm';

const sqlTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Credits posted before points expired (EARN, GIFT, CHECK_IN, positive ADJUST) get the expiry day
 * the rule gives them: 31 December of the year after the store year they were posted in (by the
 * store's time zone and `pointsExpiryYears`, as stored or by default). Plain SQL both databases read.
 */
export async function backfillPointsExpiry(q: QueryRunner): Promise<void> {
  const settings = Object.fromEntries(
    ((await q.query(`SELECT \`key\` AS k, valueJson AS v FROM store_setting WHERE \`key\` IN ('timezone', 'pointsExpiryYears')`)) as { k: string; v: string }[]).map((r) => [r.k, JSON.parse(r.v) as unknown]),
  );
  const timeZone = typeof settings.timezone === 'string' ? settings.timezone : 'Asia/Shanghai';
  const years = typeof settings.pointsExpiryYears === 'number' ? settings.pointsExpiryYears : 1;
  if (years === 0) return;
  const credit = `delta > 0 AND kind <> 'REVERSE' AND expiresOn IS NULL`;
  const [range] = (await q.query(`SELECT MIN(createdAt) AS first, MAX(createdAt) AS last FROM points_ledger WHERE ${credit}`)) as { first: unknown; last: unknown }[];
  if (!range?.first) return;
  const yearOf = (v: unknown) => new Date(v instanceof Date ? v : `${String(v).replace(' ', 'T')}Z`).getUTCFullYear();
  for (let y = yearOf(range.first) - 1; y <= yearOf(range.last) + 1; y++) {
    await q.query(`UPDATE points_ledger SET expiresOn = ? WHERE ${credit} AND createdAt >= ? AND createdAt < ?`, [
      pointsExpiryDate(`${y}-01-01`, years),
      sqlTime(localToUtc(timeZone, y, 1, 1, 0)),
      sqlTime(localToUtc(timeZone, y + 1, 1, 1, 0)),
    ]);
  }
}
