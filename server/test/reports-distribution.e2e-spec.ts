import { approvedDistributor, loginWithRef, shipAndConfirm, type Who } from './support/distribution';
import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { addAddress, type Auth, makeSku, placeAndPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /api/admin/reports/distribution on a small history counted by hand below (store days in Shanghai, steps at
 * 10:00 = 02:00Z). Default commission rules: 10 % on the goods cash, level 2 off, settled 7 days after completion.
 * The SKU costs 50.00; an order under 99.00 pays 8.00 shipping, which earns no commission.
 */
describe('distribution report on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  let a: Who & { distributorId: number; ref: string };
  let g: Who & { distributorId: number; ref: string };
  const kit = pointsKit(() => t, () => staff);
  const report = async (query: string, who: Auth = staff) => (await t.http().get(`/api/admin/reports/distribution?${query}`).set(who).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    const sku = await makeSku(t, { priceCents: 5000, stock: 100, title: '分销报表测试品' });
    const buy = async (c: Who, qty: number, paidAt: string) => placeAndPay(t, c.auth, [{ skuId: sku.id, qty }], await addAddress(t, c.auth), paidAt);

    let now = '2028-01-20T02:00:00.000Z';
    await kit.setClock(now);
    a = await approvedDistributor(t, staff, 'rd-a');
    g = await approvedDistributor(t, staff, 'rd-g');
    await t.http().put(`/api/admin/distributors/${g.distributorId}/guide`).set(staff).send({ isGuide: true }).expect(200);
    const old = await loginWithRef(t, 'rd-old');
    await buy(old, 1, now); // before the range: old is no new customer

    now = '2028-02-01T02:00:00.000Z';
    await kit.setClock(now);
    const b1 = await loginWithRef(t, 'rd-b1', a.ref); // visit 1: BOUND to a
    const b1Order = await buy(b1, 1, now); // 5800, a earns 500
    const b2 = await loginWithRef(t, 'rd-b2', g.ref); // visit 2: BOUND to g
    const b2Order = await buy(b2, 3, now); // 15000, g earns 1500
    await shipAndConfirm(t, staff, b1.auth, b1Order);
    await shipAndConfirm(t, staff, b2.auth, b2Order);

    now = '2028-02-02T02:00:00.000Z';
    await kit.setClock(now);
    await t.http().post('/api/referrals/visit').set(old.auth).send({ ref: a.ref }).expect(200); // visit 3: old BOUND to a
    await buy(old, 1, now); // 5800, a earns 500
    const direct = await loginWithRef(t, 'rd-direct');
    await buy(direct, 1, now); // 5800, no distributor
    const refunded = await loginWithRef(t, 'rd-refunded');
    await kit.refund(refunded, await buy(refunded, 1, now)); // 5800, refunded whole: 0
    await loginWithRef(t, 'rd-v1', a.ref); // visit 4: BOUND to a, buys nothing
    await t.http().post('/api/referrals/visit').set(b1.auth).send({ ref: a.ref }).expect(200); // visit 5: b1 RENEWED

    now = '2028-02-03T02:00:00.000Z';
    await kit.setClock(now);
    await loginWithRef(t, 'rd-x', 'ZZZZZZ'); // visit 6: UNKNOWN_REF

    // after the range: b1's and b2's commission settle, a withdraws b1's 500
    await kit.setClock('2028-02-09T03:00:00.000Z');
    expect(await kit.runJob('settle-commission')).toEqual({ settled: 2 });
    const w = (await t.http().post('/api/distributors/me/withdrawals').set(a.auth).send({ amountCents: 500 }).expect(201)).body;
    expect((await t.http().post(`/api/admin/withdrawals/${w.id}/approve`).set(staff).expect(200)).body.status).toBe('PAID');
  }, 180_000);

  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await kit.setClock(null);
    await t.close();
  }, 90_000);

  it('answers the hand-counted figures of 2028-02-01 … 2028-02-03', async () => {
    const r = await report('from=2028-02-01&to=2028-02-03');
    // paid in the range: b1 5800 (a), b2 15000 (g, a guide), old 5800 (a), direct 5800, refunded 5800 − 5800
    // total 32400; through distributors 5800 + 15000 + 5800 = 26600 (82.09…%), through guides 15000 (46.29…%)
    expect(r.sales).toEqual({ totalCents: 32400, distributorCents: 26600, guideCents: 15000, distributorBp: 8209, guideBp: 4629 });
    // 6 visits by b1 (twice), b2, old, v1, x; bound anew: b1, b2, old, v1; of them bought after binding: b1, b2, old
    expect(r.funnel).toEqual({ visits: 6, visitors: 5, bound: 4, buyers: 3 });
    // g: 1 order, 150.00 of goods, 15.00 commission; a: 2 orders, 100.00 of goods, 10.00 commission (b1's, old's)
    expect(r.top).toEqual([
      expect.objectContaining({ rank: 1, distributorId: g.distributorId, isGuide: true, orders: 1, paidCents: 15000, commissionCents: 1500, boundCustomers: 1 }),
      expect.objectContaining({ rank: 2, distributorId: a.distributorId, isGuide: false, orders: 2, paidCents: 10000, commissionCents: 1000, boundCustomers: 3 }),
    ]);
    // old's 500 still pending (never completed); b2's 1500 settled; b1's 500 settled and paid out
    expect(r.commission).toEqual({ pendingCents: 500, settledCents: 1500, withdrawnCents: 500 });
    // new buyers through distributors: b1 and b2 (old had paid before the range; direct and refunded bought directly);
    // commission on their orders 500 + 1500 = 2000: 10.00 yuan per customer
    expect(r.acquisition).toEqual({ customers: 2, commissionCents: 2000, costPerCustomerCents: 1000 });
  });

  it('a day without distribution answers zeros and nulls', async () => {
    const r = await report('from=2028-01-25&to=2028-01-25');
    expect(r).toEqual({
      from: '2028-01-25',
      to: '2028-01-25',
      sales: { totalCents: 0, distributorCents: 0, guideCents: 0, distributorBp: null, guideBp: null },
      funnel: { visits: 0, visitors: 0, bound: 0, buyers: 0 },
      top: [],
      commission: { pendingCents: 0, settledCents: 0, withdrawnCents: 0 },
      acquisition: { customers: 0, commissionCents: 0, costPerCustomerCents: null },
    });
  });

  it('keeps the monthly leaderboard working on the same ranking', async () => {
    const board = (await t.http().get('/api/admin/reports/distributors?month=2028-02').set(staff).expect(200)).body;
    expect(board.month).toBe('2028-02');
    expect(board.items.map((i: { distributorId: number; rank: number }) => [i.rank, i.distributorId])).toEqual([
      [1, g.distributorId],
      [2, a.distributorId],
    ]);
  });

  it('defaults to the 7 store days ending today; answers operators and finance; refuses bad ranges', async () => {
    const r = await report(''); // today is 2028-02-09
    expect([r.from, r.to]).toEqual(['2028-02-03', '2028-02-09']);
    expect(r.funnel.visits).toBe(1);
    await report('from=2028-02-01&to=2028-02-01', await t.staff('operator', 'admin123'));
    await report('from=2028-02-01&to=2028-02-01', await t.staff('finance', 'admin123'));
    const bad = async (query: string, message: string) => expect((await t.http().get(`/api/admin/reports/distribution?${query}`).set(staff).expect(400)).body.error.message).toContain(message);
    await bad('from=2028-02-03&to=2028-02-01', '开始日期不能晚于结束日期');
    await bad('from=2027-01-01&to=2028-02-01', '日期范围最长 366 天');
    await bad('from=02-01', '开始日期须为 YYYY-MM-DD 格式的日期');
  });
});
