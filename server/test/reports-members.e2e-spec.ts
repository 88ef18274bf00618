import { pointsKit } from './support/points';
import { addAddress, Auth, buyCard, makeSku, placeAndPay, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The member reports on a small history whose answers are counted by hand below. Every event happens at 04:00Z, noon
 * in Shanghai (the store's zone), so UTC and store days agree. Goods cost 100.00 a unit (free shipping, no member
 * price); the 月卡 costs 19.90 for 30 days. The seed's member day is the 7th of every month.
 *
 *   A  card 03-02 · goods 03-05 (1 unit) · goods 03-20 (2 units) · card 04-15 (renewal) · goods 05-10 · card 06-07 (renewal)
 *   B  goods 03-10, refunded in full 03-12 · goods 04-05
 *   C  goods 03-15
 *   D  goods 02-20 · goods 03-25
 *   E  card 03-28, fast refund 03-29 · goods 04-02 · card 04-20 (not a renewal: the earlier card was refunded)
 *   G  card 06-07 (first card, on the member day) · goods 06-10
 * The reports are read on 2027-06-20.
 */
describe('member reports on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  const kit = pointsKit(() => t, () => staff);
  const get = async (path: string) => (await t.http().get(path).set(staff).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    const sku = await makeSku(t, { priceCents: 10000, stock: 100, title: '会员报表测试品' });
    const customer = async (openid: string) => {
      const c = await t.customer(openid);
      return { ...c, addressId: await addAddress(t, c.auth) };
    };
    const [a, b, c, d, e, g] = [await customer('mr-a'), await customer('mr-b'), await customer('mr-c'), await customer('mr-d'), await customer('mr-e'), await customer('mr-g')];
    const on = async (day: string) => {
      const iso = `2027-${day}T04:00:00.000Z`;
      await kit.setClock(iso);
      return iso;
    };
    const goods = async (who: typeof a, day: string, qty = 1) => placeAndPay(t, who.auth, [{ skuId: sku.id, qty }], who.addressId, await on(day));
    const card = async (who: typeof a, day: string) => buyCard(t, who.auth, '月卡', await on(day));

    await goods(d, '02-20');
    await card(a, '03-02');
    await goods(a, '03-05');
    const bOrder = await goods(b, '03-10');
    await on('03-12');
    await kit.refund(b, bOrder);
    await goods(c, '03-15');
    await goods(a, '03-20', 2);
    await goods(d, '03-25');
    const eCard = await card(e, '03-28');
    await on('03-29');
    await t.http().post('/api/membership/refund').set(e.auth).expect(200);
    await waitFor(async () => (await t.http().get(`/api/orders/${eCard}`).set(e.auth)).body.refundedCents === 1990);
    await goods(e, '04-02');
    await goods(b, '04-05');
    await card(a, '04-15');
    await card(e, '04-20');
    await goods(a, '05-10');
    await card(a, '06-07');
    await card(g, '06-07');
    await goods(g, '06-10');
    await on('06-20');
  }, 180_000);

  afterAll(async () => {
    await kit.setClock(null);
    await t.close();
  });

  it('compares members with the rest over March, with repurchase within 30 / 60 / 90 days', async () => {
    const r = await get('/api/admin/reports/members?from=2027-03-01&to=2027-03-31');
    // members: A's 03-05 (100.00) and 03-20 (200.00), both under the card of 03-02
    // the rest: B 03-10 (refunded), C 03-15, D 03-25: paid 300.00, refunded 100.00; GMV 300.00 + 200.00 = 500.00
    const { cards, ...rest } = r;
    expect(cards).toMatchObject({ buyers: 4, buyersWhoBoughtCard: 1, fastRefunds: 1 }); // the conversion below, over these store days
    expect(rest).toEqual({
      from: '2027-03-01',
      to: '2027-03-31',
      member: { orders: 2, customers: 1, paidCents: 30000, refundedCents: 0, gmvCents: 30000, avgOrderCents: 15000, ordersPerCustomerBp: 20000, gmvShareBp: 6000 },
      nonMember: { orders: 3, customers: 3, paidCents: 30000, refundedCents: 10000, gmvCents: 20000, avgOrderCents: 10000, ordersPerCustomerBp: 10000, gmvShareBp: 4000 },
      repurchase: {
        // A: first 03-05, again 03-20 (15 days)
        member: [
          { days: 30, customers: 1, repurchased: 1, rateBp: 10000 },
          { days: 60, customers: 1, repurchased: 1, rateBp: 10000 },
          { days: 90, customers: 1, repurchased: 1, rateBp: 10000 },
        ],
        // B (again 04-05, 26 days after 03-10), C, D; 90 days before 06-20 is 03-22, so D's window (from 03-25) is still open
        nonMember: [
          { days: 30, customers: 3, repurchased: 1, rateBp: 3333 },
          { days: 60, customers: 3, repurchased: 1, rateBp: 3333 },
          { days: 90, customers: 2, repurchased: 1, rateBp: 5000 },
        ],
      },
    });
  });

  it('counts card conversion, sales by plan, renewals and fast refunds', async () => {
    const march = await get('/api/admin/reports/membership?from=2027-02-28T16:00:00Z&to=2027-03-31T16:00:00Z');
    // goods buyers A, B, C, D; of them only A bought a card in March. Cards: A 03-02, E 03-28; E's refunded fast 03-29
    expect(march).toMatchObject({ buyers: 4, buyersWhoBoughtCard: 1, conversionBp: 2500, renewals: 0, renewalCents: 0, fastRefunds: 1, fastRefundCents: 1990 });
    expect(march.cardSalesByPlan).toEqual([{ planId: expect.any(Number), name: '月卡', count: 2, amountCents: 3980 }]);
    // goods buyers B and E; E bought a card. Cards: A's renewal 04-15, E's 04-20 (its earlier card was refunded)
    const april = await get('/api/admin/reports/membership?from=2027-03-31T16:00:00Z&to=2027-04-30T16:00:00Z');
    expect(april).toMatchObject({ buyers: 2, buyersWhoBoughtCard: 1, conversionBp: 5000, renewals: 1, renewalCents: 1990, fastRefunds: 0, fastRefundCents: 0 });
    expect(april.cardSalesByPlan).toEqual([expect.objectContaining({ name: '月卡', count: 2, amountCents: 3980 })]);
    // the overview's conversion is the same query over store days
    expect((await get('/api/admin/reports/overview?from=2027-03-01&to=2027-03-31')).memberConversionBp).toBe(2500);
  });

  it('builds retention and value cohorts by the month of the first goods order', async () => {
    const r = await get('/api/admin/reports/cohorts?months=4');
    expect(r.months).toEqual(['2027-03', '2027-04', '2027-05', '2027-06']);
    // D first bought in February: before the first cohort. Members (a card not refunded in full): A, E, G
    expect(r.cohorts).toEqual([
      // A, B, C. Again: April B; May A; June nobody (A only bought a card)
      // value: March A 19.90 + 100 + 200, B 100 − 100, C 100 = 419.90; April A 19.90, B 100; May A 100; June A 19.90
      { month: '2027-03', customers: 3, retainedBp: [10000, 3333, 3333, 0], ltvCents: [Math.floor(41990 / 3), Math.floor(53980 / 3), Math.floor(63980 / 3), Math.floor(65970 / 3)] },
      // E: goods 100 and a card 19.90 in April (the March card and its refund came before the cohort month)
      { month: '2027-04', customers: 1, retainedBp: [10000, 0, 0], ltvCents: [11990, 11990, 11990] },
      { month: '2027-05', customers: 0, retainedBp: [0, 0], ltvCents: [0, 0] },
      // G: the card of 06-07 and goods 06-10
      { month: '2027-06', customers: 1, retainedBp: [10000], ltvCents: [11990] },
    ]);
    // members A (cumulative 319.90, 339.80, 439.80, 459.70), E (119.90 on), G (119.90); the rest B, C (100, 200, 200, 200)
    expect(r.ltv).toEqual([
      { offset: 0, members: 3, memberLtvCents: Math.floor((31990 + 11990 + 11990) / 3), nonMembers: 2, nonMemberLtvCents: 5000 },
      { offset: 1, members: 2, memberLtvCents: Math.floor((33980 + 11990) / 2), nonMembers: 2, nonMemberLtvCents: 10000 },
      { offset: 2, members: 2, memberLtvCents: Math.floor((43980 + 11990) / 2), nonMembers: 2, nonMemberLtvCents: 10000 },
      { offset: 3, members: 1, memberLtvCents: 45970, nonMembers: 2, nonMemberLtvCents: 10000 },
    ]);
  });

  it('counts the customers who bought their first card during a member day', async () => {
    const r = await get('/api/admin/reports/member-days?count=1');
    // 06-07: A's third card and G's first
    expect(r.items).toEqual([expect.objectContaining({ date: '2027-06-07', orders: 0, newCards: 2, convertedCustomers: 1 })]);
  });

  it('refuses bad ranges and month counts, and other roles', async () => {
    await t.http().get('/api/admin/reports/members?from=2027-03-02&to=2027-03-01').set(staff).expect(400);
    await t.http().get('/api/admin/reports/members?from=2027-02-30').set(staff).expect(400);
    for (const months of ['0', '25', 'x']) await t.http().get(`/api/admin/reports/cohorts?months=${months}`).set(staff).expect(400);
    const operator = await t.staff('operator', 'admin123');
    await t.http().get('/api/admin/reports/members').set(operator).expect(403);
    await t.http().get('/api/admin/reports/cohorts').set(operator).expect(403);
  });
});
