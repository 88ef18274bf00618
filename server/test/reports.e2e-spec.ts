import { MemberDay } from '../src/modules/member-day/entities/member-day.entity';
import { addAddress, buyCard, makeSku, placeAndPay, placeOrder } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('member-day and membership reports', () => {
  let t: TestApp;
  // WeChat reports each payment at the moved clock's time (the conversion counts orders by when they were paid)
  let clockNow: string | undefined;
  const setClock = (now: string | null) => ((clockNow = now ?? undefined), t.http().post('/api/dev/clock').send({ now }).expect(200));

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('reports each member day against the average of the 28 days before it, from hand-counted orders', async () => {
    // the seed's rule: the 7th of every month, all day (Shanghai). A second rule: Sundays 10:00–12:00 (02:00–04:00Z)
    const now = new Date();
    const sundays = await t.ds.getRepository(MemberDay).save({
      name: '周日上午',
      recurrence: { kind: 'WEEKLY', weekdays: [7] },
      startMinute: 600,
      endMinute: 720,
      audience: 'PAID_MEMBERS',
      audienceTierId: null,
      categoryRates: {},
      exclusiveProductIds: [],
      pointsMultiplierBp: 10000,
      perCustomerLimit: 0,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    const sku = await makeSku(t, { priceCents: 10000, stock: 100 }); // 100.00: free shipping (over 99.00)
    const guest = await t.customer('report-guest');
    const guestAddress = await addAddress(t, guest.auth);
    const buy = (auth: { Authorization: string }, address: number, qty = 1) => placeAndPay(t, auth, [{ skuId: sku.id, qty }], address, clockNow);

    await setClock('2027-01-07T02:00:00.000Z'); // the 7th (a Thursday), 10:00
    await buy(guest.auth, guestAddress);
    await setClock('2027-01-20T04:00:00.000Z');
    await buy(guest.auth, guestAddress);
    await setClock('2027-01-31T03:00:00.000Z'); // a Sunday, 11:00
    await buy(guest.auth, guestAddress);

    // 2027-02-07, a Sunday and the 7th
    await setClock('2027-02-07T03:00:00.000Z');
    const member = await t.customer('report-member');
    await buyCard(t, member.auth, '月卡', clockNow);
    const memberAddress = await addAddress(t, member.auth);
    await buy(member.auth, memberAddress);
    await buy(member.auth, memberAddress, 2);
    await buy(guest.auth, guestAddress);
    const convert = await t.customer('report-convert');
    await buyCard(t, convert.auth, '月卡', clockNow);
    // a card bought and refunded at once: a card sale, but its owner's order after the refund is no member's
    await setClock('2027-02-07T03:10:00.000Z');
    const refunder = await t.customer('report-refunder');
    await buyCard(t, refunder.auth, '月卡', clockNow);
    await t.http().post('/api/membership/refund').set(refunder.auth).expect(200);
    await setClock('2027-02-07T03:20:00.000Z');
    await buy(refunder.auth, await addAddress(t, refunder.auth));
    await placeOrder(t, guest.auth, [{ skuId: sku.id, qty: 1 }], guestAddress).expect(201); // never paid
    await setClock('2027-02-07T05:00:00.000Z'); // 13:00: the 7th, not the Sunday morning
    await buy(guest.auth, guestAddress);

    await setClock('2027-02-08T04:00:00.000Z');
    const finance = await t.staff('finance', 'admin123');
    const orderQueries: string[] = [];
    const logQuery = jest.spyOn(t.ds.logger, 'logQuery').mockImplementation((sql: string) => void (/shop_order/.test(sql) && orderQueries.push(sql)));
    const report = await t.http().get('/api/admin/reports/member-days?count=2').set(finance).expect(200);
    logQuery.mockRestore();

    const uplift = (gmv: number, baseline: number) => Math.floor(((gmv - baseline) * 10000) / baseline);
    const row = (o: object) => expect.objectContaining(o);
    expect(report.body).toEqual({
      total: 4,
      items: [
        // baseline 2027-01-10 – 02-06 (Shanghai): 01-20 and 01-31, 200.00 → 7.14 a day
        row({ name: '每月 7 号会员日', date: '2027-02-07', startsAt: '2027-02-06T16:00:00.000Z', endsAt: '2027-02-07T16:00:00.000Z', orders: 5, gmvCents: 60000, payingMembers: 1, newCards: 3, baselineDailyGmvCents: 714, upliftBp: uplift(60000, 714) }),
        row({ name: '每月 7 号会员日', date: '2027-01-07', orders: 1, gmvCents: 10000, payingMembers: 0, newCards: 0, baselineDailyGmvCents: 0, upliftBp: null }),
        // baseline 01-10 02:00Z – 02-07 02:00Z: 01-20 and 01-31
        row({ memberDayId: sundays.id, date: '2027-02-07', startsAt: '2027-02-07T02:00:00.000Z', endsAt: '2027-02-07T04:00:00.000Z', orders: 4, gmvCents: 50000, payingMembers: 1, newCards: 3, baselineDailyGmvCents: 714, upliftBp: uplift(50000, 714) }),
        // baseline 01-03 02:00Z – 01-31 02:00Z: 01-07 and 01-20
        row({ memberDayId: sundays.id, date: '2027-01-31', orders: 1, gmvCents: 10000, payingMembers: 0, newCards: 0, baselineDailyGmvCents: 714, upliftBp: uplift(10000, 714) }),
      ],
    });

    expect(orderQueries).toHaveLength(2); // two aggregate queries (the occurrences, the baselines) for every rule and occurrence

    const conversion = await t.http().get('/api/admin/reports/membership?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z').set(await t.staff()).expect(200);
    expect(conversion.body).toMatchObject({ buyers: 3, buyersWhoBoughtCard: 2, conversionBp: 6666 });
    expect(conversion.body.cardSalesByPlan).toEqual([expect.objectContaining({ name: '月卡', count: 3, amountCents: 3 * 1990 })]);
    await t.http().get('/api/admin/reports/member-days').set(await t.staff('operator', 'admin123')).expect(403);
  });
});
