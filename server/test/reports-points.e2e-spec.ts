import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { type Auth, simPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /api/admin/reports/points on a small history whose answers are counted by hand below. Store days are Shanghai
 * days; every step happens at 10:00 (02:00Z). Check-ins earn 10 points flat (no milestone, no member among the
 * check-in customers), a make-up costs 5.
 */
describe('points report on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  const kit = pointsKit(() => t, () => staff);
  const report = async (query: string, who: Auth = staff) => (await t.http().get(`/api/admin/reports/points?${query}`).set(who).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await kit.setClock('2026-06-01T02:00:00.000Z');
    await t.http().put('/api/admin/check-in-rules').set(staff).send({ dailyPoints: 10, milestones: [], makeUpEnabled: true, makeUpCostPoints: 5 }).expect(200);
    const item = async (title: string, pointsCost: number, cashCents: number) =>
      (await t.http().post('/api/admin/points-mall/items').set(staff).send({ title, kind: 'CARD_DAYS', cardDays: 1, pointsCost, cashCents, stock: 10, perCustomerLimit: 0, onShelf: true }).expect(201)).body.id as number;
    const free = await item('报表会员天 A', 300, 0);
    const withCash = await item('报表会员天 B', 200, 500);
    const [c1, c2, c3, c4] = [await t.customer('rp-1'), await t.customer('rp-2'), await t.customer('rp-3'), await t.customer('rp-4')];
    await kit.grant(c4.id, 100); // 2026-06-01: valid until 2027-12-31
    const checkIn = (c: { auth: Auth }) => t.http().post('/api/points/check-in').set(c.auth).expect(200);

    await kit.setClock('2027-12-31T02:00:00.000Z');
    await checkIn(c1); // before the range

    await kit.setClock('2028-01-01T02:00:00.000Z');
    await checkIn(c1); // +10
    await checkIn(c2); // +10
    await t.customer('rp-3'); // c3 logs in again: active in the range
    await kit.grant(c3.id, 1000); // +1000 (ADJUST)

    await kit.setClock('2028-01-02T02:00:00.000Z');
    await t.customer('rp-4'); // c4 logs in again: active in the range
    expect(await kit.runJob('expire-points')).toMatchObject({ customers: 1, points: 100 }); // c4's 100 of 2027
    const redeem = (itemId: number) => t.http().post('/api/points-mall/redeem').set(c3.auth).send({ itemId, qty: 1 }).expect(200);
    expect((await redeem(free)).body.status).toBe('PAID'); // −300, paid at once
    const paid = (await redeem(withCash)).body.orderId; // −200, 5.00 yuan to pay
    const pay = await t.http().post(`/api/orders/${paid}/pay`).set(c3.auth).expect(200);
    await simPay(t, pay.body.params.package, { paidAt: '2028-01-02T02:00:00.000Z' });
    const cancelled = (await redeem(withCash)).body.orderId; // −200, then cancelled: +200 returned, never paid
    await t.http().post(`/api/orders/${cancelled}/cancel`).set(c3.auth).expect(201);
    await t.http().post(`/api/admin/customers/${c3.id}/points-adjustments`).set(staff).send({ points: -50, reason: '报表测试' }).expect(201);
    await checkIn(c1); // +10

    await kit.setClock('2028-01-03T02:00:00.000Z');
    await t.http().post('/api/points/check-in/make-up').set(c2.auth).send({ date: '2028-01-02' }).expect(200); // −5, +10, a make-up of the 2nd
    await checkIn(c1); // +10
  }, 120_000);

  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await kit.setClock(null);
    await t.close();
  });

  it('counts the ledger, check-ins and paid redemptions by store day', async () => {
    const r = await report('from=2028-01-01&to=2028-01-03');
    const zero = { issued: 0, spent: 0, expired: 0, returned: 0, reversed: 0, adjustedOut: 0, checkedIn: 0, madeUp: 0, redemptions: 0, redemptionPoints: 0, redemptionCashCents: 0 };
    expect(r.series).toEqual([
      // c1 +10, c2 +10, c3 +1000; c1 and c2 checked in
      { ...zero, day: '2028-01-01', issued: 1020, checkedIn: 2 },
      // c1 +10; spent 300 + 200 + 200 (the cancelled one); c4's 100 expired; 200 returned by the cancel; −50 by staff;
      // c1 checked in, c2 made the day up (on the 3rd); two paid redemptions: 300 + 200 points and 5.00 yuan
      { ...zero, day: '2028-01-02', issued: 10, spent: 700, expired: 100, returned: 200, adjustedOut: 50, checkedIn: 1, madeUp: 1, redemptions: 2, redemptionPoints: 500, redemptionCashCents: 500 },
      // the make-up: +10 and its cost 5; c1 +10
      { ...zero, day: '2028-01-03', issued: 20, spent: 5, checkedIn: 1 },
    ]);
    expect(r).toMatchObject({ from: '2028-01-01', to: '2028-01-03', issued: 1050, spent: 705, expired: 100, returned: 200, reversed: 0, adjustedOut: 50, redemptions: 2, redemptionPoints: 500, redemptionCashCents: 500 });
    // c1 and c2 checked in; active: c3 and c4 logged in during the range, c1 and c2 (logged in on 2026-06-01) checked in
    expect(r.checkIn).toEqual({ customers: 2, activeCustomers: 4, participationBp: 5000 });
  });

  it('the dashboard\'s liability figure (the 积分规则 page\'s route) counts the balances now', async () => {
    const liability = (await t.http().get('/api/admin/points/liability').set(staff).expect(200)).body;
    // c1 40 (4 check-ins), c2 15, c3 1000 − 300 − 200 − 200 + 200 − 50 = 450, c4 0; the demo customers hold none
    expect(liability).toMatchObject({ date: '2028-01-03', outstandingPoints: 505, outstandingValueCents: 505, owedPoints: 0 });
  });

  it('answers a single day: c1\'s check-in of 2027-12-31', async () => {
    const r = await report('from=2027-12-31&to=2027-12-31');
    expect(r.series).toEqual([expect.objectContaining({ day: '2027-12-31', issued: 10, spent: 0, checkedIn: 1 })]);
    // active: c3 and c4 logged in since, c1 checked in (c2 neither)
    expect(r.checkIn).toEqual({ customers: 1, activeCustomers: 3, participationBp: 3333 });
  });

  it('defaults to the 7 store days ending today; answers operators and finance; refuses bad ranges and customers', async () => {
    const r = await report('');
    expect([r.from, r.to, r.series.length]).toEqual(['2027-12-28', '2028-01-03', 7]);
    await report('from=2028-01-01&to=2028-01-01', await t.staff('operator', 'admin123'));
    await report('from=2028-01-01&to=2028-01-01', await t.staff('finance', 'admin123'));
    const bad = async (query: string, message: string) => expect((await t.http().get(`/api/admin/reports/points?${query}`).set(staff).expect(400)).body.error.message).toContain(message);
    await bad('from=2028-01-03&to=2028-01-01', '开始日期不能晚于结束日期');
    await bad('from=2026-01-01&to=2027-01-02', '日期范围最长 366 天');
    await bad('to=2028-02-30', '结束日期须为 YYYY-MM-DD 格式的日期');
    await t.http().get('/api/admin/reports/points').expect(401);
    await t.http().get('/api/admin/reports/points').set((await t.customer('rp-outsider')).auth).expect(403);
  });
});
