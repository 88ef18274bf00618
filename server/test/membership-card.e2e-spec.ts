import { Membership } from '../src/modules/membership/entities/membership.entity';
import { Product } from '../src/modules/catalog/entities/product.entity';
import { addAddress, Auth, makeSku, placeOrder, simPay, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 24 * 3600_000;

describe('paid member card on MariaDB', () => {
  let t: TestApp;
  let monthly: { id: number; priceCents: number; days: number };
  let yearly: { id: number; priceCents: number; days: number };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const plans = (await t.http().get('/api/membership/plans').expect(200)).body.items;
    monthly = plans.find((p: { name: string }) => p.name === '月卡');
    yearly = plans.find((p: { name: string }) => p.name === '年卡');
  });
  afterAll(() => t.close());

  async function buyCard(auth: Auth, planId: number): Promise<number> {
    const order = await t.http().post('/api/membership/orders').set(auth).send({ planId }).expect(201);
    expect(order.body).toMatchObject({ kind: 'MEMBER_CARD', status: 'PENDING_PAYMENT' });
    const pay = await t.http().post(`/api/orders/${order.body.id}/pay`).set(auth).expect(200);
    await simPay(t, pay.body.params.package);
    return order.body.id;
  }

  const me = async (auth: Auth) => (await t.http().get('/api/me').set(auth).expect(200)).body;

  it('lists the demo plans: monthly 19.90 / 30 days, yearly 168.00 / 365 days', () => {
    expect(monthly).toMatchObject({ priceCents: 1990, days: 30 });
    expect(yearly).toMatchObject({ priceCents: 16800, days: 365 });
  });

  it('activates on payment and extends on renewal without overlap', async () => {
    const c = await t.customer('card-renew');
    expect((await me(c.auth)).isMember).toBe(false);
    const before = Date.now();
    const orderId = await buyCard(c.auth, monthly.id);
    const first = await me(c.auth);
    expect(first.isMember).toBe(true);
    const firstEnd = Date.parse(first.memberUntil);
    expect(firstEnd - before).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(firstEnd - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);
    const order = (await t.http().get(`/api/orders/${orderId}`).set(c.auth)).body;
    expect(order).toMatchObject({ kind: 'MEMBER_CARD', status: 'COMPLETED', shippingPaidCents: 0, payableCents: 1990 });

    await buyCard(c.auth, monthly.id);
    const second = await me(c.auth);
    expect(Date.parse(second.memberUntil)).toBe(firstEnd + 30 * DAY_MS);
    const summary = (await t.http().get('/api/membership/me').set(c.auth).expect(200)).body;
    expect(summary.periods).toHaveLength(2);
    expect(summary.periods[0].startsAt).toBe(summary.periods[1].endsAt);
  });

  it('extends twice, correctly, when two card orders are paid at the same moment', async () => {
    const c = await t.customer('card-race');
    const orders = await Promise.all([1, 2].map(() => t.http().post('/api/membership/orders').set(c.auth).send({ planId: monthly.id }).expect(201)));
    const pays = await Promise.all(orders.map((o) => t.http().post(`/api/orders/${o.body.id}/pay`).set(c.auth).expect(200)));
    const start = Date.now();
    await Promise.all(pays.map((p) => simPay(t, p.body.params.package, { times: 2, concurrent: true })));
    const after = Date.now();
    const end = Date.parse((await me(c.auth)).memberUntil);
    expect(end).toBeGreaterThanOrEqual(start + 60 * DAY_MS);
    expect(end).toBeLessThanOrEqual(after + 60 * DAY_MS);
    const summary = (await t.http().get('/api/membership/me').set(c.auth)).body;
    expect(summary.periods).toHaveLength(2);
  });

  it("gives members member prices and free shipping; a non-member's memberSavingsCents is exactly what the card saves", async () => {
    const sku = await makeSku(t, { priceCents: 3000, memberPriceCents: 2500, stock: 50 });
    const c = await t.customer('card-savings');
    const items = [{ skuId: sku.id, qty: 2 }];
    const asGuest = (await t.http().post('/api/checkout/preview').set(c.auth).send({ items }).expect(200)).body;
    expect(asGuest).toMatchObject({ goodsCents: 6000, shippingPaidCents: 800, payableCents: 6800 });
    expect(asGuest.memberSavingsCents).toBe(1000 + 800);
    await buyCard(c.auth, monthly.id);
    const asMember = (await t.http().post('/api/checkout/preview').set(c.auth).send({ items }).expect(200)).body;
    expect(asMember.lines[0]).toMatchObject({ unitPriceCents: 2500, priceSource: 'MEMBER_PRICE' });
    expect(asGuest.payableCents - asMember.payableCents).toBe(asGuest.memberSavingsCents);
    expect(asMember.memberSavingsCents).toBe(0);
  });

  it('lets only members buy member-only items (409 MEMBERS_ONLY otherwise)', async () => {
    const sku = await makeSku(t, { priceCents: 9900, memberPriceCents: 8800, stock: 5 });
    await t.ds.getRepository(Product).update({ id: sku.productId }, { memberOnly: true });
    const guest = await t.customer('card-guest');
    const address = await addAddress(t, guest.auth);
    const refused = await placeOrder(t, guest.auth, [{ skuId: sku.id, qty: 1 }], address).expect(409);
    expect(refused.body.error.code).toBe('MEMBERS_ONLY');
    await buyCard(guest.auth, monthly.id);
    await placeOrder(t, guest.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201);
  });

  it('refunds a fresh, unused card at once (极速退卡), in full', async () => {
    const c = await t.customer('card-fast-refund');
    const orderId = await buyCard(c.auth, yearly.id);
    const summary = (await t.http().get('/api/membership/me').set(c.auth)).body;
    expect(summary.fastRefund).toEqual({ eligible: true, amountCents: 16800 });
    const res = await t.http().post('/api/membership/refund').set(c.auth).expect(200);
    expect(res.body).toMatchObject({ refunded: true, amountCents: 16800, isMember: false, memberUntil: null });
    expect((await me(c.auth)).isMember).toBe(false);
    await waitFor(async () => (await t.http().get(`/api/orders/${orderId}`).set(c.auth)).body.refundedCents === 16800);
    const order = (await t.http().get(`/api/orders/${orderId}`).set(c.auth)).body;
    expect(order.refunds).toEqual([expect.objectContaining({ status: 'REFUNDED', amountCents: 16800, reason: '极速退卡' })]);
    const again = await t.http().post('/api/membership/refund').set(c.auth).expect(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
  });

  it('refuses the fast refund once a member benefit was used, or after 7 days', async () => {
    const sku = await makeSku(t, { priceCents: 3000, memberPriceCents: 2500, stock: 5 });
    const used = await t.customer('card-used');
    const address = await addAddress(t, used.auth);
    await buyCard(used.auth, monthly.id);
    await placeOrder(t, used.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201);
    const res = await t.http().post('/api/membership/refund').set(used.auth).expect(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('会员权益') });
    expect((await me(used.auth)).isMember).toBe(true);

    const late = await t.customer('card-late');
    await buyCard(late.auth, monthly.id);
    await t.http().post('/api/dev/clock').send({ now: new Date(Date.now() + 8 * DAY_MS).toISOString() }).expect(200);
    const lateRes = await t.http().post('/api/membership/refund').set(late.auth).expect(409);
    expect(lateRes.body.error.message).toMatch(/7 天/);
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });

  it('lets staff approve a reviewed card refund at the pro-rata amount, to the fen', async () => {
    const t0 = Date.parse('2027-01-01T02:00:00.000Z');
    await t.http().post('/api/dev/clock').send({ now: new Date(t0).toISOString() }).expect(200);
    const c = await t.customer('card-pro-rata');
    const address = await addAddress(t, c.auth);
    const orderId = await buyCard(c.auth, yearly.id);
    const sku = await makeSku(t, { priceCents: 3000, memberPriceCents: 2500, stock: 5 });
    await placeOrder(t, c.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201); // a benefit used: no fast refund
    await t.http().post('/api/membership/refund').set(c.auth).expect(409);
    // ten days and an hour later: 354 whole days unused of 365 → floor(16800 × 354 / 365) = 162.93
    await t.http().post('/api/dev/clock').send({ now: new Date(t0 + 10 * DAY_MS + 3600_000).toISOString() }).expect(200);
    const summary = async () => (await t.http().get('/api/membership/me').set(c.auth).expect(200)).body;
    // the member center offers the reviewed refund with the amount it would ask for
    expect((await summary()).reviewedRefund).toEqual({ pending: null, estimateCents: 16293 });
    const asked = await t.http().post('/api/membership/refund-requests').set(c.auth).send({ reason: '搬家了' }).expect(201);
    expect(asked.body).toMatchObject({ status: 'REQUESTED', amountCents: 16293, orderId });
    await t.http().post('/api/membership/refund-requests').set(c.auth).send({ reason: 'again' }).expect(409);
    // …and then shows the request under review instead
    expect((await summary()).reviewedRefund).toEqual({ pending: { id: asked.body.id, status: 'REQUESTED', amountCents: 16293, createdAt: asked.body.createdAt }, estimateCents: null });
    expect((await me(c.auth)).isMember).toBe(true);
    const approved = await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(await t.staff()).send({}).expect(200);
    expect(approved.body.amountCents).toBe(16293);
    expect((await me(c.auth)).isMember).toBe(false);
    await waitFor(async () => (await t.http().get(`/api/orders/${orderId}`).set(c.auth)).body.refundedCents === 16293);
    expect((await summary()).reviewedRefund).toEqual({ pending: null, estimateCents: null }); // refunded: nothing left to ask
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });

  it('lapses on time through expire-cards, and a renewal after a lapse starts from now', async () => {
    const c = await t.customer('card-lapse');
    await buyCard(c.auth, monthly.id);
    const later = Date.now() + 40 * DAY_MS;
    await t.http().post('/api/dev/clock').send({ now: new Date(later).toISOString() }).expect(200);
    expect((await me(c.auth)).isMember).toBe(false);
    const job = await t.http().post('/api/dev/jobs/run').send({ name: 'expire-cards' }).expect(200);
    expect(job.body.result.expired).toBeGreaterThanOrEqual(1);
    const row = await t.ds.getRepository(Membership).findOneByOrFail({ customerId: c.id });
    expect(row.expiredAt).not.toBeNull();
    await buyCard(c.auth, monthly.id);
    const renewed = Date.parse((await me(c.auth)).memberUntil);
    expect(renewed - later).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(renewed - later).toBeLessThan(30 * DAY_MS + 60_000);
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });

  it('refuses a plan value out of range with a sentence naming the field, never clamps it, and saves nothing', async () => {
    const owner = await t.staff();
    const plans = async () => (await t.http().get('/api/admin/membership/plans').set(owner).expect(200)).body.items as { id: number; name: string; days: number; priceCents: number }[];
    const before = await plans();
    const refused = async (body: object, field: string, message: string) => {
      const res = await t.http().post('/api/admin/membership/plans').set(owner).send({ name: '越界卡', priceCents: 1990, days: 30, ...body }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message, details: { fields: [{ field, problems: [message] }] } });
    };
    const days = '天数须为 1 到 3660 之间的整数';
    await refused({ days: 99999 }, 'days', days);
    await refused({ days: 0 }, 'days', days);
    await refused({ days: 30.5 }, 'days', days);
    await refused({ days: 'abc' }, 'days', days);
    const price = '价格须为 0.01 到 100000 元之间，最多两位小数';
    await refused({ priceCents: 0 }, 'priceCents', price);
    await refused({ priceCents: -300 }, 'priceCents', price);
    await refused({ priceCents: 10_000_001 }, 'priceCents', price);
    await refused({ sort: 1.5 }, 'sort', '排序须为 -1000000000 到 1000000000 之间的整数');
    expect(await plans()).toEqual(before);

    const plan = before[0];
    const put = await t.http().put(`/api/admin/membership/plans/${plan.id}`).set(owner).send({ days: 99999 }).expect(400);
    expect(put.body.error.details.fields).toEqual([{ field: 'days', problems: [days] }]);
    expect((await plans()).find((p) => p.id === plan.id)).toEqual(plan);
  });

  it('lets the owner manage plans; others may not', async () => {
    const owner = await t.staff();
    const created = await t.http().post('/api/admin/membership/plans').set(owner).send({ name: '季卡', priceCents: 4990, days: 90 }).expect(201);
    // a new plan is off sale until staff put it on sale
    expect(created.body).toMatchObject({ name: '季卡', onSale: false });
    expect((await t.http().get('/api/membership/plans')).body.items.map((p: { name: string }) => p.name)).not.toContain('季卡');
    const listed = await t.http().put(`/api/admin/membership/plans/${created.body.id}`).set(owner).send({ onSale: true }).expect(200);
    expect(listed.body).toMatchObject({ name: '季卡', onSale: true });
    expect((await t.http().get('/api/membership/plans')).body.items.map((p: { name: string }) => p.name)).toContain('季卡');
    const updated = await t.http().put(`/api/admin/membership/plans/${created.body.id}`).set(owner).send({ onSale: false }).expect(200);
    // a partial update changes only what was sent
    expect(updated.body).toMatchObject({ name: '季卡', priceCents: 4990, days: 90, onSale: false });
    const onSale = (await t.http().get('/api/membership/plans')).body.items.map((p: { name: string }) => p.name);
    expect(onSale).not.toContain('季卡');
    await t.http().get('/api/admin/membership/plans').set(await t.staff('operator', 'admin123')).expect(403);
    const c = await t.customer('card-closed-plan');
    const gone = await t.http().post('/api/membership/orders').set(c.auth).send({ planId: created.body.id }).expect(404);
    expect(gone.body.error).toEqual({ code: 'NOT_FOUND', message: '会员卡方案不存在' });
  });
});

