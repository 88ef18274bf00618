import { CustomerGrowth } from '../src/modules/membership/entities/customer-growth.entity';
import { addAddress, approveRefund, makeSku, placeAndPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('growth and member tiers on MariaDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('every store starts with the default tiers', async () => {
    const tiers = (await t.http().get('/api/admin/tiers').set(await t.staff()).expect(200)).body.items;
    expect(tiers.map((x: { name: string; growthThreshold: number }) => [x.name, x.growthThreshold])).toEqual([
      ['普通', 0],
      ['银卡', 500],
      ['金卡', 2000],
      ['黑金', 8000],
    ]);
  });

  it('moves up when an order completes and down when it is refunded; growth = sum of its ledger', async () => {
    const staff = await t.staff();
    const c = await t.customer('tier-climber');
    const address = await addAddress(t, c.auth);
    const sku = await makeSku(t, { priceCents: 60050, stock: 5 });
    let me = (await t.http().get('/api/me').set(c.auth)).body;
    expect(me).toMatchObject({ growth: 0, tier: { name: '普通' }, nextTier: { name: '银卡', growthNeeded: 500 } });

    const orderId = await placeAndPay(t, c.auth, [{ skuId: sku.id, qty: 1 }], address);
    me = (await t.http().get('/api/me').set(c.auth)).body;
    expect(me.growth).toBe(0); // paid is not completed
    await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF9' }).expect(200);
    await t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth).expect(201);
    me = (await t.http().get('/api/me').set(c.auth)).body;
    expect(me).toMatchObject({ growth: 600, tier: { name: '银卡' }, nextTier: { name: '金卡', growthNeeded: 1400 } });

    // the tier rate now prices goods without a member price: 9.8 折
    const other = await makeSku(t, { priceCents: 10000, stock: 5 });
    const preview = (await t.http().post('/api/checkout/preview').set(c.auth).send({ items: [{ skuId: other.id, qty: 1 }] }).expect(200)).body;
    expect(preview.lines[0]).toMatchObject({ unitPriceCents: 9800, priceSource: 'TIER_DISCOUNT' });

    const refund = await t.http().post(`/api/orders/${orderId}/refunds`).set(c.auth).send({ reason: '质量问题' }).expect(201);
    expect(refund.body.amountCents).toBe(60050);
    // the order completed: the goods come back before the money
    expect((await approveRefund(t, staff, c.auth, orderId, refund.body.id)).status).toBe('AWAITING_RETURN');
    const until = Date.now() + 5000;
    while ((await t.http().get('/api/me').set(c.auth)).body.growth !== 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    me = (await t.http().get('/api/me').set(c.auth)).body;
    expect(me).toMatchObject({ growth: 0, tier: { name: '普通' } });

    const ledger = await t.ds.query('SELECT event, delta, balanceAfter FROM growth_ledger WHERE customerId = ? ORDER BY id', [c.id]);
    expect(ledger.map((r: { event: string; delta: number }) => [r.event.split(':')[0], Number(r.delta)])).toEqual([
      ['complete', 600],
      ['refund', -600],
    ]);
    const balance = await t.ds.getRepository(CustomerGrowth).findOneByOrFail({ customerId: c.id });
    expect(balance.growth).toBe(ledger.reduce((s: number, r: { delta: number }) => s + Number(r.delta), 0));
  });

  it('lets the owner edit tiers with a sane ladder; others may not', async () => {
    const owner = await t.staff();
    const tiers = (await t.http().get('/api/admin/tiers').set(owner)).body.items;
    const gold = tiers.find((x: { name: string }) => x.name === '金卡');
    const ladder = await t.http().put(`/api/admin/tiers/${gold.id}`).set(owner).send({ growthThreshold: 500 }).expect(409);
    expect(ladder.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/成长值门槛/) });
    await t.http().put(`/api/admin/tiers/${gold.id}`).set(owner).send({ discountBp: 9300 }).expect(200);
    await t.http().post('/api/admin/tiers').set(owner).send({ name: '钻石', growthThreshold: 20000, discountBp: 4000, pointsMultiplierBp: 30000 }).expect(400);
    const threshold = '成长值门槛须为 0 到 1000000000 之间的整数';
    for (const growthThreshold of [-3, 'abc', 2.5, 1_000_000_001]) {
      const res = await t.http().put(`/api/admin/tiers/${gold.id}`).set(owner).send({ growthThreshold }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: threshold, details: { fields: [{ field: 'growthThreshold', problems: [threshold] }] } });
    }
    expect((await t.http().get('/api/admin/tiers').set(owner)).body.items.find((x: { id: number }) => x.id === gold.id).growthThreshold).toBe(gold.growthThreshold);
    const operator = await t.staff('operator', 'admin123');
    await t.http().get('/api/admin/tiers').set(operator).expect(200);
    await t.http().put(`/api/admin/tiers/${gold.id}`).set(operator).send({ discountBp: 9000 }).expect(403);
  });
});
