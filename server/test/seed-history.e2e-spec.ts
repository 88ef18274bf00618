import { addDays, storeDayAt } from '@mc/shared';
import { Clock } from '../src/common/clock';
import { historyExists, seedHistory } from '../src/modules/seed/history';
import { expectLedgersBalanced } from './support/ledgers';
import { createTestApp, TestApp } from './support/test-app';

/** The made-up store history (demo dashboards, report timing at volume) on MariaDB, at a small size. */
describe('seeded history', () => {
  let t: TestApp;
  let staff: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    expect(await historyExists(t.ds)).toBe(false);
    const done = await seedHistory(t.ds, { orders: 600, customers: 150, days: 60, now: t.app.get(Clock).now(), seed: 7 });
    expect(done).toMatchObject({ customers: 150 });
    expect(done!.orders).toBeGreaterThan(500);
  }, 60_000);

  afterAll(() => t?.close());

  it('keeps every points and commission book balanced', async () => {
    await expectLedgersBalanced(t);
    const kinds = await t.ds.query(`SELECT DISTINCT kind FROM points_ledger ORDER BY kind`);
    expect(kinds.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['CHECK_IN', 'EARN', 'SPEND']));
    const [{ n }] = await t.ds.query(`SELECT COUNT(*) AS n FROM commission_ledger`);
    expect(Number(n)).toBeGreaterThan(0);
    // each entry's balanceAfter is the running sum of the customer's entries in id order (the order the shop lists them)
    for (const ledger of ['points_ledger', 'growth_ledger']) {
      const [off] = await t.ds.query(
        `SELECT COUNT(*) AS n FROM ${ledger} l WHERE l.balanceAfter <> (SELECT SUM(x.delta) FROM ${ledger} x WHERE x.customerId = l.customerId AND x.id <= l.id)`,
      );
      expect({ ledger, off: Number(off.n) }).toEqual({ ledger, off: 0 });
    }
  });

  it('writes orders the way the shop does: numbers, payments, history, growth', async () => {
    const orders: { orderNo: string; status: string; paidAt: Date | null; createdAt: Date }[] = await t.ds.query(`SELECT orderNo, status, paidAt, createdAt FROM shop_order`);
    for (const o of orders) {
      expect(o.orderNo).toMatch(/^\d{24}$/);
      expect(o.orderNo.slice(0, 14)).toBe(new Date(o.createdAt).toISOString().replace(/[-:TZ.]/g, '').slice(0, 14));
      expect(o.paidAt !== null).toBe(['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDED'].includes(o.status));
    }
    const [unpaidWithSuccess] = await t.ds.query(
      `SELECT COUNT(*) AS n FROM payment p JOIN shop_order o ON o.id = p.orderId WHERE p.status = 'SUCCESS' AND o.paidAt IS NULL`,
    );
    expect(Number(unpaidWithSuccess.n)).toBe(0);
    // ids follow time, as in a live store
    const [outOfOrder] = await t.ds.query(`SELECT COUNT(*) AS n FROM shop_order a JOIN shop_order b ON b.id = a.id + 1 WHERE b.createdAt < a.createdAt`);
    expect(Number(outOfOrder.n)).toBe(0);
    const [growth] = await t.ds.query(
      `SELECT COUNT(*) AS n FROM customer_growth g WHERE g.growth <> (SELECT COALESCE(SUM(l.delta), 0) FROM growth_ledger l WHERE l.customerId = g.customerId)`,
    );
    expect(Number(growth.n)).toBe(0);
  });

  it('gives the overview report figures for the past and lists the customers', async () => {
    const today = storeDayAt('Asia/Shanghai', t.app.get(Clock).now());
    const res = await t.http().get(`/api/admin/reports/overview?from=${addDays(today, -29)}&to=${addDays(today, -1)}`).set(staff).expect(200);
    expect(res.body.orders).toBeGreaterThan(100);
    expect(res.body.gmvCents).toBeGreaterThan(0);
    expect(res.body.newCards).toBeGreaterThan(0);
    expect(res.body.series.filter((d: { orders: number }) => d.orders > 0).length).toBeGreaterThan(20);
    const list = await t.http().get('/api/admin/customers?page=1&pageSize=20').set(staff).expect(200);
    expect(list.body.total).toBeGreaterThan(150);
    expect(list.body.items.some((c: { ordersCount: number }) => c.ordersCount > 0)).toBe(true);
  });

  it('is written once', async () => {
    expect(await seedHistory(t.ds, { orders: 10, customers: 5, days: 10, now: t.app.get(Clock).now() })).toBeNull();
  });
});
