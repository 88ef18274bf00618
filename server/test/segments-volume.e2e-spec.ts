import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(300_000);

const CUSTOMERS = 20_000;
const ORDERS = 100_000;
const NOW = new Date('2026-12-15T04:00:00.000Z');

/**
 * The segments report at the size the issue names (100,000 orders, 20,000 customers) on MariaDB:
 * the plan reads the covering indexes and the figures add up. It prints the report's times (five
 * requests); the 300 ms target is checked when SEGMENTS_BUDGET_MS is set (a quiet machine: on a
 * shared one the time says more about the neighbours than about the query). Rows are written with
 * INSERT … SELECT over MariaDB's sequence tables.
 */
describe('segments report at volume', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.http().post('/api/dev/clock').send({ now: NOW.toISOString() }).expect(200);
    const q = (sql: string) => t.ds.query(sql);
    await q(`INSERT INTO customer (openid, nickname, avatarUrl, createdAt, lastLoginAt)
             SELECT CONCAT('vol-', seq), CONCAT('客户', seq), '', '2025-01-01', '2026-12-01' FROM seq_1_to_${CUSTOMERS}`);
    const [{ first }] = await q(`SELECT MIN(id) AS first FROM customer WHERE openid LIKE 'vol-%'`);
    // customers buy unevenly (seq*seq spreads them), over 500 days, a tenth refunded in part, a twentieth wholly
    await q(`INSERT INTO shop_order (orderNo, customerId, kind, status, goodsCents, discountCents, shippingCents, shippingPaidCents, pointsUsed,
               pointsValueCents, payableCents, pointsToEarn, refundedCents, note, paidAt, createdAt)
             SELECT CONCAT('VOL', seq), ${first} + FLOOR(RAND(seq) * RAND(seq + 1) * ${CUSTOMERS}), IF(seq % 50 = 0, 'MEMBER_CARD', 'GOODS'),
                    ELT(1 + seq % 20, 'REFUNDED', 'PAID', 'SHIPPED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED',
                        'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'PENDING_PAYMENT'),
                    1000 + seq % 30000, 0, 0, 0, 0, 0, 1000 + seq % 30000, 0, IF(seq % 10 = 3, 500, 0), '',
                    IF(seq % 20 = 19, NULL, TIMESTAMP('2026-12-15 04:00:00') - INTERVAL (seq * 7) % 500 DAY - INTERVAL seq % 86400 SECOND),
                    TIMESTAMP('2026-12-15 04:00:00') - INTERVAL (seq * 7) % 500 DAY - INTERVAL seq % 86400 SECOND
             FROM seq_1_to_${ORDERS}`);
    await q(`INSERT INTO order_adjustment (orderId, orderLineId, kind, amountCents, label, sourceType, sourceId)
             SELECT id, NULL, ELT(1 + id % 4, 'MEMBER_PRICE', 'COUPON', 'POINTS', 'SHIPPING_WAIVER'), -100, '', 'SKU', NULL FROM shop_order WHERE id % 5 < 3`);
    await q(`INSERT INTO membership (customerId, endsAt, updatedAt)
             SELECT ${first} + seq, IF(seq % 3 = 0, '2026-10-01', '2027-03-01'), '2026-12-01' FROM seq_0_to_5999`);
    await q(`INSERT INTO distributor (customerId, status, reason, appliedAt) SELECT ${first} + seq * 7, IF(seq % 4 = 0, 'PENDING', 'APPROVED'), '', '2026-06-01' FROM seq_0_to_999`);
    await q(`INSERT INTO check_in (customerId, storeDay, streak, pointsAwarded, madeUp, createdAt)
             SELECT ${first} + c.seq, CONCAT('2026-12-', LPAD(d.seq, 2, '0')), 1, 5, 0, '2026-12-01'
             FROM seq_0_to_2999 c JOIN seq_1_to_14 d ON (c.seq + d.seq) % 3 <> 0`);
    await q('ANALYZE TABLE shop_order, order_adjustment, membership, distributor, check_in, customer');
  });
  afterAll(() => t.close());

  it('reads the orders through the covering indexes; the groups add up to the buyers', async () => {
    const finance = await t.staff();
    // the report's grouped read, as the service sends it (TypeORM's logger would show the same text)
    const plan: { table: string; key: string | null; Extra: string | null }[] = await t.ds.query(
      `EXPLAIN SELECT o.customerId, MAX(o.paidAt), COUNT(*), SUM(o.payableCents - o.refundedCents), SUM(CASE WHEN d.orderId IS NULL THEN 1 ELSE 0 END)
         FROM shop_order o LEFT JOIN (SELECT DISTINCT a.orderId AS orderId FROM order_adjustment a WHERE a.kind IN ('MEMBER_PRICE', 'COUPON')) d ON d.orderId = o.id
        WHERE o.kind = 'GOODS' AND o.paidAt >= '2025-12-15' AND o.paidAt <= '2026-12-15' AND o.status IN ('PAID', 'SHIPPED', 'COMPLETED') GROUP BY o.customerId`,
    );
    const orders = plan.find((p) => p.table === 'o')!;
    expect(orders.key).toBe('ix_order_rfm');
    expect(orders.Extra).toContain('Using index');
    expect(plan.find((p) => p.table === 'a')!.key).toBe('ix_order_adjustment_kind');
    const times: number[] = [];
    let body: { buyers: number; customers: number; groups: { count: number }[]; tags: { count: number }[] } | undefined;
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      body = (await t.http().get('/api/admin/reports/segments').set(finance).expect(200)).body;
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.log(`segments report, ${ORDERS} orders / ${CUSTOMERS} customers: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    if (process.env.SEGMENTS_BUDGET_MS) expect(Math.min(...times)).toBeLessThan(Number(process.env.SEGMENTS_BUDGET_MS));
    expect(body!.customers).toBeGreaterThanOrEqual(CUSTOMERS);
    expect(body!.groups.reduce((s, g) => s + g.count, 0)).toBe(body!.buyers);
    expect(body!.buyers).toBeGreaterThan(10_000);
    expect(body!.tags.every((tag) => tag.count > 0)).toBe(true);
  });
});
