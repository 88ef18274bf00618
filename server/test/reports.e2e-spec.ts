import { addAddress, buyCard, makeSku, placeAndPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('member-day and membership reports', () => {
  let t: TestApp;
  const setClock = (now: string | null) => t.http().post('/api/dev/clock').send({ now }).expect(200);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('reports a member day against the average of the 28 days before it', async () => {
    const sku = await makeSku(t, { priceCents: 10000, stock: 100 });
    const guest = await t.customer('report-guest');
    const guestAddress = await addAddress(t, guest.auth);
    // baseline: 2027-01-20 (Shanghai), one order of 100.00 (free shipping over 99.00)
    await setClock('2027-01-20T04:00:00.000Z');
    await placeAndPay(t, guest.auth, [{ skuId: sku.id, qty: 1 }], guestAddress);

    // member day 2027-02-07: a member buys twice, the guest once, and another customer buys a card
    await setClock('2027-02-07T03:00:00.000Z');
    const member = await t.customer('report-member');
    await buyCard(t, member.auth);
    const memberAddress = await addAddress(t, member.auth);
    await placeAndPay(t, member.auth, [{ skuId: sku.id, qty: 1 }], memberAddress);
    await placeAndPay(t, member.auth, [{ skuId: sku.id, qty: 2 }], memberAddress);
    await placeAndPay(t, guest.auth, [{ skuId: sku.id, qty: 1 }], guestAddress);
    const convert = await t.customer('report-convert');
    await buyCard(t, convert.auth);

    await setClock('2027-02-08T04:00:00.000Z');
    const report = await t.http().get('/api/admin/reports/member-days?count=1').set(await t.staff('finance', 'admin123')).expect(200);
    const day = report.body.items.find((i: { date: string }) => i.date === '2027-02-07');
    expect(day).toMatchObject({ orders: 3, payingMembers: 1, newCards: 2, baselineDailyGmvCents: Math.floor(10000 / 28) });
    expect(day.gmvCents).toBe(10000 + 20000 + 10000);
    expect(day.upliftBp).toBe(Math.floor(((day.gmvCents - Math.floor(10000 / 28)) * 10000) / Math.floor(10000 / 28)));

    const conversion = await t.http().get('/api/admin/reports/membership?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z').set(await t.staff()).expect(200);
    expect(conversion.body).toMatchObject({ buyers: 2, buyersWhoBoughtCard: 1, conversionBp: 5000 });
    expect(conversion.body.cardSalesByPlan).toEqual([expect.objectContaining({ name: '月卡', count: 2, amountCents: 3980 })]);
    await t.http().get('/api/admin/reports/member-days').set(await t.staff('operator', 'admin123')).expect(403);
  });
});
