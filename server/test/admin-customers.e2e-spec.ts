import { Customer } from '../src/modules/customer/entities/customer.entity';
import { Order } from '../src/modules/order/entities/order.entity';
import { approvedDistributor, loginWithRef } from './support/distribution';
import { addAddress, Auth, buyCard, makeSku, placeAndPay } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** Staff's customer list (search, paging, per-customer figures) and customer page, on MariaDB. */
describe('admin customers on MariaDB', () => {
  let t: TestApp;
  let owner: Auth;
  let operator: Auth;
  let finance: Auth;
  let alice: { id: number; auth: Auth };
  let bob: { id: number; auth: Auth };
  let dist: { id: number; auth: Auth; distributorId: number };
  let paidOrders: number[];
  let templateId: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    owner = await t.staff();
    operator = await t.staff('operator', 'admin123');
    finance = await t.staff('finance', 'admin123');
    dist = await approvedDistributor(t, owner, 'dist-customers');
    await t.http().patch('/api/me').set(dist.auth).send({ nickname: '分销小美' }).expect(200);
    alice = await loginWithRef(t, 'alice-customers', (await t.http().get(`/api/admin/distributors/${dist.distributorId}`).set(owner).expect(200)).body.refCode);
    bob = await t.customer('bob-customers');
    await t.http().patch('/api/me').set(alice.auth).send({ nickname: '爱丽丝' }).expect(200);
    await t.http().patch('/api/me').set(bob.auth).send({ nickname: '鲍勃' }).expect(200);
    await t.ds.getRepository(Customer).update({ id: alice.id }, { phone: '13800138000' });
    await t.ds.getRepository(Customer).update({ id: bob.id }, { phone: '13911112222' });
    await buyCard(t, alice.auth);
    const address = await addAddress(t, alice.auth);
    const sku = await makeSku(t, { priceCents: 2500, stock: 50, title: '客户页 测试茶' });
    paidOrders = [await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 2 }], address), await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], address)];
    await t.http().post(`/api/admin/customers/${alice.id}/points-adjustments`).set(operator).send({ points: 300, reason: '补偿' }).expect(201);
    const template = (await t.http().post('/api/admin/coupon-templates').set(operator).send({ title: '客户页满减券', kind: 'AMOUNT_OFF', amountOffCents: 500, thresholdCents: 3000, validDays: 7, audience: 'ALL' }).expect(201)).body;
    templateId = template.id;
    await t.http().post(`/api/admin/coupon-templates/${templateId}/grants`).set(operator).send({ customerIds: [alice.id] }).expect(201);
  });
  afterAll(() => t.close());

  const list = async (auth: Auth, query: Record<string, string | number>) => (await t.http().get('/api/admin/customers').query(query).set(auth).expect(200)).body;

  it('finds customers by nickname and by the last digits of their phone, never showing the whole phone', async () => {
    const byName = await list(operator, { q: '爱丽' });
    expect(byName.total).toBe(1);
    const [row] = byName.items;
    const orders = await Promise.all(paidOrders.map(async (id) => (await t.http().get(`/api/admin/orders/${id}`).set(owner).expect(200)).body));
    const me = (await t.http().get('/api/me').set(alice.auth).expect(200)).body;
    expect(row).toMatchObject({
      id: alice.id,
      nickname: '爱丽丝',
      phoneTail: '8000',
      isMember: true,
      memberUntil: me.memberUntil,
      tierName: me.tier?.name ?? null,
      pointsBalance: me.pointsBalance,
      boundDistributor: { distributorId: dist.distributorId, nickname: '分销小美' },
    });
    expect(row.ordersCount).toBe(3); // the card and two goods orders
    expect(me.pointsBalance).toBeGreaterThanOrEqual(300);
    const hers = await t.ds.getRepository(Order).findBy({ customerId: alice.id });
    expect(hers).toHaveLength(3);
    expect(row.paidCents).toBe(hers.reduce((s, o) => s + o.payableCents, 0));
    expect(row.paidCents).toBeGreaterThan(orders.reduce((s, o) => s + o.payableCents, 0));
    expect(typeof row.createdAt).toBe('string');

    const byTail = await list(finance, { q: '2222' });
    expect(byTail.items.map((c: { id: number }) => c.id)).toEqual([bob.id]);
    expect(byTail.items[0]).toMatchObject({ phoneTail: '2222', isMember: false, ordersCount: 0, paidCents: 0, pointsBalance: 0, boundDistributor: null });
    expect((await list(owner, { q: '1380013' })).total).toBe(0); // the tail, not the middle
    for (const wild of ['%', '_', '!']) expect((await list(owner, { q: wild })).total).toBe(0);
    await t.http().get('/api/admin/customers').query({ q: 'x'.repeat(65) }).set(owner).expect(400);
    const all = await list(owner, { pageSize: 100 });
    for (const body of [byName, byTail, all]) {
      expect(JSON.stringify(body)).not.toContain('13800138000');
      expect(JSON.stringify(body)).not.toContain('13911112222');
    }
  });

  it('pages newest first', async () => {
    const all = await list(owner, { pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const ids = all.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await list(owner, { page: 1, pageSize: 2 });
    const second = await list(owner, { page: 2, pageSize: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((c: { id: number }) => c.id)).toEqual(ids.slice(0, 4));
    await t.http().get('/api/admin/customers').query({ pageSize: 101 }).set(owner).expect(400);
  });

  it('shows one customer: card and periods, tier and growth, points and ledger, coupons, distributor, latest orders', async () => {
    const body = (await t.http().get(`/api/admin/customers/${alice.id}`).set(finance).expect(200)).body;
    expect(JSON.stringify(body)).not.toContain('13800138000');
    expect(body).toMatchObject({ id: alice.id, nickname: '爱丽丝', phoneTail: '8000', distributor: null });
    expect(body.card.isMember).toBe(true);
    expect(body.card.periods).toHaveLength(1);
    expect(body.card.periods[0]).toMatchObject({ refundedAt: null });
    const me = (await t.http().get('/api/me').set(alice.auth).expect(200)).body;
    expect(body.tier).toMatchObject({ growth: me.growth, name: me.tier?.name ?? null });
    expect(body.card.memberUntil).toBe(me.memberUntil);
    expect(body.points.latest[0]).toMatchObject({ kind: 'ADJUST', delta: 300, memo: expect.stringContaining('补偿') });
    expect(body.points.balance).toBe(body.points.latest[0].balanceAfter);
    expect(body.coupons).toEqual([expect.objectContaining({ templateId, title: '客户页满减券', status: 'USABLE' })]);
    expect(body.boundDistributor).toMatchObject({ distributorId: dist.distributorId, nickname: '分销小美' });
    expect(body.orders.count).toBe(3);
    expect(body.orders.latest.map((o: { id: number }) => o.id).slice(0, 2)).toEqual([...paidOrders].reverse());

    const own = (await t.http().get(`/api/admin/customers/${dist.id}`).set(operator).expect(200)).body;
    expect(own.distributor).toMatchObject({ id: dist.distributorId, status: 'APPROVED' });
    expect(own.boundDistributor).toBeNull();
  });

  it('is staff only, and 404 for an unknown customer', async () => {
    await t.http().get('/api/admin/customers').set(alice.auth).expect(403);
    await t.http().get(`/api/admin/customers/${alice.id}`).set(alice.auth).expect(403);
    await t.http().get('/api/admin/customers').expect(401);
    const res = await t.http().get('/api/admin/customers/999999').set(owner).expect(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: '客户不存在' });
  });
});
