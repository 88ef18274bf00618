import { addAddress, Auth, buyCard, makeSku, placeOrder } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

// 2027-03-07 10:00 in Shanghai; the 8th at 00:30 Shanghai is 16:30 UTC on the 7th
const ON_THE_7TH = '2027-03-07T02:00:00.000Z';
const EARLY_ON_THE_8TH = '2027-03-07T16:30:00.000Z';

describe('member days on MariaDB (dev clock, Asia/Shanghai)', () => {
  let t: TestApp;
  let staff: Auth;
  let member: { id: number; auth: Auth };
  let guest: { id: number; auth: Auth };

  const setClock = (now: string | null) => t.http().post('/api/dev/clock').send({ now }).expect(200);
  const preview = async (auth: Auth, skuId: number, qty = 1) => (await t.http().post('/api/checkout/preview').set(auth).send({ items: [{ skuId, qty }] }).expect(200)).body;

  async function makeMember(openid: string) {
    const c = await t.customer(openid);
    await buyCard(t, c.auth);
    return c;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock('2027-03-01T02:00:00.000Z');
    member = await makeMember('md-member');
    guest = await t.customer('md-guest');
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('gives the audience the member-day price all of the 7th (Shanghai) and not at 00:30 on the 8th', async () => {
    const sku = await makeSku(t, { priceCents: 10000, memberPriceCents: 9500, stock: 100 });
    const rule = await t.http().post('/api/admin/member-days').set(staff).send({
      name: '测试会员日', recurrence: { kind: 'MONTHLY', days: [7] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 8000 }],
    }).expect(201);

    await setClock(ON_THE_7TH);
    const current = (await t.http().get('/api/member-days/current').expect(200)).body;
    expect(current.active).toBe(true);
    expect(current.current).toMatchObject({ date: '2027-03-07', startsAt: '2027-03-06T16:00:00.000Z', endsAt: '2027-03-07T16:00:00.000Z' });
    const asMember = await preview(member.auth, sku.id);
    expect(asMember.lines[0]).toMatchObject({ unitPriceCents: 8000, priceSource: 'MEMBER_DAY_PRICE' });
    expect(asMember.memberDayId).toBe(String(rule.body.id));
    // a non-member is outside the audience, but is told what the card would save today
    const asGuest = await preview(guest.auth, sku.id);
    expect(asGuest.lines[0]).toMatchObject({ unitPriceCents: 10000, priceSource: 'LIST' });
    expect(asGuest.memberSavingsCents).toBe(asGuest.payableCents - asMember.payableCents);

    await setClock(EARLY_ON_THE_8TH);
    expect((await t.http().get('/api/member-days/current')).body.active).toBe(false);
    const after = await preview(member.auth, sku.id);
    expect(after.lines[0]).toMatchObject({ unitPriceCents: 9500, priceSource: 'MEMBER_PRICE' });
    expect(after.memberDayId).toBeNull();
    await t.http().put(`/api/admin/member-days/${rule.body.id}`).set(staff).send({ active: false }).expect(200);
  });

  it('holds the per-customer limit under 10 parallel orders', async () => {
    const sku = await makeSku(t, { priceCents: 5000, stock: 100 });
    const rule = await t.http().post('/api/admin/member-days').set(staff).send({
      name: '限购日', recurrence: { kind: 'WEEKLY', weekdays: [3] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 3000 }], perCustomerLimit: 3,
    }).expect(201);
    await setClock('2027-03-10T04:00:00.000Z'); // a Wednesday, noon in Shanghai
    const address = await addAddress(t, member.auth);
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'LIMIT_EXCEEDED')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    // cancelling one gives its unit back
    const first = results.find((r) => r.status === 201)!;
    await t.http().post(`/api/orders/${first.body.id}/cancel`).set(member.auth).expect(201);
    await placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201);
    await placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address).expect(409);
    await t.http().put(`/api/admin/member-days/${rule.body.id}`).set(staff).send({ active: false }).expect(200);
  });

  it('previews the next occurrences in Shanghai time with each affected SKU price', async () => {
    await setClock('2027-01-15T00:00:00.000Z');
    const list = (await t.http().get('/api/admin/member-days').set(staff).expect(200)).body.items;
    const seeded = list.find((r: { name: string }) => r.name === '每月 7 号会员日');
    const res = await t.http().get(`/api/admin/member-days/${seeded.id}/preview?count=6`).set(staff).expect(200);
    expect(res.body.timezone).toBe('Asia/Shanghai');
    expect(res.body.occurrences.map((o: { date: string }) => o.date)).toEqual(['2027-02-07', '2027-03-07', '2027-04-07', '2027-05-07', '2027-06-07', '2027-07-07']);
    expect(res.body.occurrences[0].startsAt).toBe('2027-02-06T16:00:00.000Z');
    expect(res.body.skus.length).toBeGreaterThan(0);
    for (const s of res.body.skus) expect(s.memberDayPriceCents).toBeLessThanOrEqual(s.listPriceCents);
  });

  it('previews a rule before it is saved (the form), and tells the shop its clock', async () => {
    await setClock('2027-01-15T00:00:00.000Z');
    const sku = await makeSku(t, { priceCents: 5000, memberPriceCents: 4500, stock: 10 });
    const before = (await t.http().get('/api/admin/member-days').set(staff).expect(200)).body.total;
    const res = await t.http().post('/api/admin/member-days/preview?count=3').set(staff).send({
      name: '周三会员日', recurrence: { kind: 'WEEKLY', weekdays: [3] }, startMinute: 600, endMinute: 1320, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 3900 }],
    }).expect(200);
    expect(res.body).toMatchObject({ id: null, name: '周三会员日', timezone: 'Asia/Shanghai' });
    expect(res.body.occurrences).toEqual([
      { date: '2027-01-20', startsAt: '2027-01-20T02:00:00.000Z', endsAt: '2027-01-20T14:00:00.000Z' },
      { date: '2027-01-27', startsAt: '2027-01-27T02:00:00.000Z', endsAt: '2027-01-27T14:00:00.000Z' },
      { date: '2027-02-03', startsAt: '2027-02-03T02:00:00.000Z', endsAt: '2027-02-03T14:00:00.000Z' },
    ]);
    expect(res.body.skus).toEqual([expect.objectContaining({ skuId: sku.id, listPriceCents: 5000, memberPriceCents: 4500, memberDayPriceCents: 3900 })]);
    expect((await t.http().get('/api/admin/member-days').set(staff).expect(200)).body.total).toBe(before);
    await t.http().post('/api/admin/member-days/preview').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [32] }, audience: 'PAID_MEMBERS' }).expect(400);
    expect((await t.http().get('/api/member-days/current').expect(200)).body.now).toMatch(/^2027-01-15T00:00:0\d\.\d{3}Z$/);
  });

  it('refuses invalid rules: bad recurrence, a price above list, and conflicting overlapping offers', async () => {
    const sku = await makeSku(t, { priceCents: 2000, stock: 10 });
    const bad = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [32] }, audience: 'PAID_MEMBERS' }).expect(400);
    expect(bad.body.error.message).toMatch(/recurrence/);
    const above = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [15] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 2100 }] }).expect(409);
    expect(above.body.error.details).toEqual({ skuId: sku.id });
    await t.http().post('/api/admin/member-days').set(staff).send({ name: 'a', recurrence: { kind: 'MONTHLY', days: [20] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1500 }] }).expect(201);
    const clash = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'b', recurrence: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5, 6, 7] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1400 }] }).expect(409);
    expect(clash.body.error.details.conflictsWith).toHaveLength(1);
    await t.http().post('/api/admin/member-days').set(staff).send({ name: 'c', recurrence: { kind: 'MONTHLY', days: [21] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1400 }] }).expect(201);
    await t.http().post('/api/admin/member-days').set(staff).send({ name: 'd', recurrence: { kind: 'MONTHLY', days: [22] }, audience: 'TIER_AT_LEAST' }).expect(400);
    await t.http().get('/api/admin/member-days').set(await t.staff('finance', 'admin123')).expect(403);
  });

  it('keeps exclusive items for the audience during the member day', async () => {
    const sku = await makeSku(t, { priceCents: 3000, stock: 10 });
    await t.http().post('/api/admin/member-days').set(staff).send({
      name: '专享日', recurrence: { kind: 'MONTHLY', days: [25] }, audience: 'PAID_MEMBERS', exclusiveProductIds: [sku.productId],
    }).expect((r) => { if (r.status !== 201) throw new Error(JSON.stringify(r.body)); });
    const address = await addAddress(t, member.auth);
    await setClock('2027-03-24T04:00:00.000Z');
    const closed = await placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address).expect(409);
    expect(closed.body.error.message).toMatch(/会员日专享/);
    await setClock('2027-03-25T04:00:00.000Z');
    await placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201);
    const guestAddress = await addAddress(t, guest.auth);
    await placeOrder(t, guest.auth, [{ skuId: sku.id, qty: 1 }], guestAddress).expect(409);
  });
});
