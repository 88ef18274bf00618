import { backfillPointsExpiry } from '../src/migrations/points-expiry-backfill';
import { createTestApp, TestApp } from './support/test-app';

/** The PointsExpiry migration gives credits posted before it the expiry day the rule gives them. */
describe('points expiry backfill (migration) on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const row = (key: string, kind: string, delta: number, createdAt: string) =>
    t.ds.query(`INSERT INTO points_ledger (customerId, kind, delta, balanceAfter, dedupeKey, memo, createdAt) VALUES (1, ?, ?, 0, ?, '', ?)`, [kind, delta, key, createdAt]);
  const expiries = async () =>
    Object.fromEntries((await t.ds.query('SELECT dedupeKey, expiresOn FROM points_ledger ORDER BY id')).map((r: { dedupeKey: string; expiresOn: string | null }) => [r.dedupeKey, r.expiresOn]));

  it("sets 31 December of the year after the store year (Asia/Shanghai) on credits only; a store keeping points forever gets none", async () => {
    await row('a', 'EARN', 10, '2026-12-31 15:59:59.999'); // still 2026 in Shanghai
    await row('b', 'CHECK_IN', 5, '2026-12-31 16:00:00.000'); // 1 January 2027 in Shanghai
    await row('c', 'GIFT', 200, '2025-03-01 00:00:00.000');
    await row('d', 'SPEND', -5, '2027-02-01 00:00:00.000');
    await row('e', 'REVERSE', 5, '2027-02-02 00:00:00.000');
    await row('f', 'ADJUST', 7, '2028-02-29 10:00:00.000');
    const qr = t.ds.createQueryRunner();
    try {
      await backfillPointsExpiry(qr);
      expect(await expiries()).toEqual({ a: '2027-12-31', b: '2028-12-31', c: '2026-12-31', d: null, e: null, f: '2029-12-31' });

      await t.ds.query(`UPDATE points_ledger SET expiresOn = NULL`);
      await t.ds.query(`INSERT INTO store_setting (\`key\`, valueJson) VALUES ('pointsExpiryYears', '0')`);
      await backfillPointsExpiry(qr);
      expect(Object.values(await expiries()).every((v) => v === null)).toBe(true);
    } finally {
      await qr.release();
    }
  });
});
