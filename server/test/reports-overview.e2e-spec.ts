import { pointsKit } from './support/points';
import { addAddress, Auth, buyCard, makeSku, placeAndPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /api/admin/reports/overview on a small seeded history with hand-counted answers. Store days are Shanghai days:
 * 2027-04-11T16:30Z is 00:30 on the 12th.
 */
describe('overview report on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  let cardCents: number;
  let skuId: number;
  const kit = pointsKit(() => t, () => staff);
  const overview = async (query: string) => (await t.http().get(`/api/admin/reports/overview?${query}`).set(staff).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    const sku = await makeSku(t, { priceCents: 5000, stock: 100, title: '报表测试品' });
    skuId = sku.id;
    const buyer = async (openid: string) => {
      const c = await t.customer(openid);
      return { ...c, addressId: await addAddress(t, c.auth) };
    };
    const [c1, c2, c3, c4] = [await buyer('rep-1'), await buyer('rep-2'), await buyer('rep-3'), await buyer('rep-4')];
    cardCents = (await t.http().get('/api/membership/plans').expect(200)).body.items.find((p: { name: string }) => p.name === '月卡').priceCents;

    // WeChat reports each payment at the moved clock's time
    const at = async (iso: string) => (await kit.setClock(iso), iso);
    let now = await at('2027-04-08T04:00:00.000Z'); // previous period
    await placeAndPay(t, c4.auth, [{ skuId: sku.id, qty: 1 }], c4.addressId, now); // 5000 + 800 shipping
    now = await at('2027-04-10T02:00:00.000Z');
    await placeAndPay(t, c1.auth, [{ skuId: sku.id, qty: 2 }], c1.addressId, now); // 10000, free shipping
    const c2Order = await placeAndPay(t, c2.auth, [{ skuId: sku.id, qty: 1 }], c2.addressId, now); // 5800
    now = await at('2027-04-11T15:30:00.000Z'); // 23:30 on the 11th
    await buyCard(t, c1.auth, '月卡', now);
    now = await at('2027-04-11T16:30:00.000Z'); // 00:30 on the 12th
    await placeAndPay(t, c3.auth, [{ skuId: sku.id, qty: 1 }], c3.addressId, now); // 5800
    await kit.refund(c2, c2Order); // the whole unshipped order: 5800 with its shipping, completed on the 12th
  }, 120_000);

  afterAll(async () => {
    await kit.setClock(null);
    await t.close();
  });

  it('counts paid orders by the day they were paid and refunds by the day they completed', async () => {
    const r = await overview('from=2027-04-10&to=2027-04-12');
    const paid = 10000 + 5800 + cardCents + 5800;
    expect(r).toMatchObject({
      from: '2027-04-10',
      to: '2027-04-12',
      paidCents: paid,
      refundedCents: 5800,
      gmvCents: paid - 5800,
      orders: 4,
      buyers: 3,
      avgOrderCents: Math.floor(paid / 4),
      newCards: 1,
      cardRevenueCents: cardCents,
      paidMembers: 1,
      memberConversionBp: 3333, // 1 of the 3 goods buyers bought a card
    });
    expect(r.series).toEqual([
      { day: '2027-04-10', paidCents: 15800, refundedCents: 0, gmvCents: 15800, orders: 2, buyers: 2 },
      { day: '2027-04-11', paidCents: cardCents, refundedCents: 0, gmvCents: cardCents, orders: 1, buyers: 1 },
      { day: '2027-04-12', paidCents: 5800, refundedCents: 5800, gmvCents: 0, orders: 1, buyers: 1 },
    ]);
    expect(r.previous).toMatchObject({ from: '2027-04-07', to: '2027-04-09', paidCents: 5800, gmvCents: 5800, orders: 1, buyers: 1, newCards: 0, paidMembers: 0, memberConversionBp: 0 });
  });

  it('defaults to the last 7 store days ending today', async () => {
    const r = await overview('');
    expect(r.from).toBe('2027-04-06');
    expect(r.to).toBe('2027-04-12');
    expect(r.series).toHaveLength(7);
    expect(r.orders).toBe(5);
  });

  it('answers zeros for a quiet range', async () => {
    const r = await overview('from=2027-01-01&to=2027-01-01');
    expect(r).toMatchObject({ gmvCents: 0, orders: 0, buyers: 0, avgOrderCents: 0, memberConversionBp: null });
    expect(r.series).toEqual([{ day: '2027-01-01', paidCents: 0, refundedCents: 0, gmvCents: 0, orders: 0, buyers: 0 }]);
  });

  it('refuses reversed, too long or malformed ranges, and operators', async () => {
    const bad = async (query: string, message: string) => expect((await t.http().get(`/api/admin/reports/overview?${query}`).set(staff).expect(400)).body.error.message).toContain(message);
    await bad('from=2027-04-12&to=2027-04-10', '开始日期不能晚于结束日期');
    await bad('from=2026-01-01&to=2027-01-02', '日期范围最长 366 天');
    await bad('from=2027-13-01', '开始日期须为 YYYY-MM-DD 格式的日期');
    await t.http().get('/api/admin/reports/overview').set(await t.staff('operator', 'admin123')).expect(403);
  });

  it('buckets by store days in a zone with summer time: Paris, over the night its clocks went forward', async () => {
    // 2027-04-10T22:30Z is 00:30 on the 11th in Paris (UTC+2 since 2027-03-28), 23:30 on the 10th at the range's first offset (UTC+1)
    const c5 = await t.customer('rep-5');
    await kit.setClock('2027-04-10T22:30:00.000Z');
    await placeAndPay(t, c5.auth, [{ skuId, qty: 1 }], await addAddress(t, c5.auth), '2027-04-10T22:30:00.000Z'); // 5800
    await t.http().put('/api/admin/settings').set(staff).send({ timezone: 'Europe/Paris' }).expect(200);
    try {
      const r = await overview('from=2027-03-28&to=2027-04-11');
      const paid = 5800 + 10000 + 5800 + 5800 + cardCents + 5800;
      expect(r).toMatchObject({ paidCents: paid, refundedCents: 5800, orders: 6, buyers: 5, newCards: 1 });
      expect(r.previous).toMatchObject({ from: '2027-03-13', to: '2027-03-27', orders: 0 });
      const day = (d: string) => r.series.find((p: { day: string }) => p.day === d);
      expect(r.series).toHaveLength(15);
      expect(day('2027-04-08')).toEqual({ day: '2027-04-08', paidCents: 5800, refundedCents: 0, gmvCents: 5800, orders: 1, buyers: 1 });
      expect(day('2027-04-10')).toEqual({ day: '2027-04-10', paidCents: 15800, refundedCents: 0, gmvCents: 15800, orders: 2, buyers: 2 });
      // the 22:30Z order, the card (17:30 Paris) and the 16:30Z order with its refund (18:30 Paris) all fall on the 11th
      expect(day('2027-04-11')).toEqual({ day: '2027-04-11', paidCents: 11600 + cardCents, refundedCents: 5800, gmvCents: 5800 + cardCents, orders: 3, buyers: 3 });
    } finally {
      await t.http().put('/api/admin/settings').set(staff).send({ timezone: 'Asia/Shanghai' }).expect(200);
    }
  });
});

