import { Category } from '../src/modules/catalog/entities/category.entity';
import { Product } from '../src/modules/catalog/entities/product.entity';
import { Sku } from '../src/modules/catalog/entities/sku.entity';
import { CustomerGrowth } from '../src/modules/membership/entities/customer-growth.entity';
import { addAddress, Auth, buyCard, makeSku, placeAndPay, placeOrder, waitFor } from './support/shop';
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

  it('removes a rule by archiving it: off for good and out of the list, while its orders still cancel and its history stays', async () => {
    const sku = await makeSku(t, { priceCents: 5000, stock: 100 });
    const rule = await t.http().post('/api/admin/member-days').set(staff).send({
      name: '将被删除的会员日', recurrence: { kind: 'WEEKLY', weekdays: [4] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 3000 }], perCustomerLimit: 1,
    }).expect(201);
    await setClock('2027-03-11T04:00:00.000Z'); // a Thursday, noon in Shanghai
    const address = await addAddress(t, member.auth);
    const placed = await placeOrder(t, member.auth, [{ skuId: sku.id, qty: 1 }], address).expect(201);
    expect(placed.body.payableCents).toBe(3000); // members ship free

    await t.http().delete(`/api/admin/member-days/${rule.body.id}`).set(staff).expect(204);
    const list = (await t.http().get('/api/admin/member-days').set(staff).expect(200)).body.items;
    expect(list.map((r: { id: number }) => r.id)).not.toContain(rule.body.id);
    await t.http().get(`/api/admin/member-days/${rule.body.id}`).set(staff).expect(404);
    await t.http().put(`/api/admin/member-days/${rule.body.id}`).set(staff).send({ active: true }).expect(404);
    await t.http().delete(`/api/admin/member-days/${rule.body.id}`).set(staff).expect(404);
    // the same day, a minute later: no member-day price any more (the rules cache keeps 5 s at most)
    await waitFor(async () => (await preview(member.auth, sku.id)).lines[0].unitPriceCents === 5000, 8000);
    // the order placed under it still cancels, giving its unit back to a rule nobody sees
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(member.auth).expect(201);
    const audit = (await t.http().get(`/api/admin/audit-log?action=member-day.delete&targetId=${rule.body.id}`).set(staff).expect(200)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { name: '将被删除的会员日', active: true }, after: null });
    const report = (await t.http().get('/api/admin/reports/member-days?count=1').set(staff).expect(200)).body.items;
    expect(report.find((r: { memberDayId: number }) => r.memberDayId === rule.body.id)).toMatchObject({ date: '2027-03-11', orders: 0 });
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
    // the form's rates are checked as saving would check them: a refusal, never a 500
    const draft = { name: 'x', recurrence: { kind: 'MONTHLY', days: [7] }, audience: 'PAID_MEMBERS' };
    const fraction = await t.http().post('/api/admin/member-days/preview').set(staff).send({ ...draft, categoryRates: { '1': 8500.5 } }).expect(400);
    expect(fraction.body.error.message).toMatch(/^categoryRates\.1: /);
    await t.http().post('/api/admin/member-days/preview').set(staff).send({ ...draft, categoryRates: { '1': 'x' } }).expect(400);
    await t.http().post('/api/admin/member-days/preview').set(staff).send({ ...draft, categoryRates: { '999999': 9000 } }).expect(404);
    expect((await t.http().get('/api/member-days/current').expect(200)).body.now).toMatch(/^2027-01-15T00:00:0\d\.\d{3}Z$/);
  });

  it('shows on the member-day page and in the preview the unit price checkout charges (bestUnitPrice), for the customer asking', async () => {
    await setClock('2027-03-01T02:00:00.000Z');
    // a rate on a root category reaches the products of its child
    const root = await t.ds.getRepository(Category).save({ parentId: null, name: '测试会员日价', iconUrl: '', sort: 98, active: true });
    const child = await t.ds.getRepository(Category).save({ parentId: root.id, name: '测试会员日价子类', iconUrl: '', sort: 0, active: true });
    const inChild = async (opts: { priceCents: number; memberPriceCents?: number }) => {
      const sku = await makeSku(t, { ...opts, stock: 10 });
      await t.ds.getRepository(Product).update({ id: sku.productId }, { categoryId: child.id });
      return sku;
    };
    // list 129.00 and member price 99.00: the day's 8.5 折 (109.65) is more than a member pays anyway
    const memberPriced = await inChild({ priceCents: 12900, memberPriceCents: 9900 });
    // the rule's own price 110.00 is above its rate's 109.65: checkout takes the rate
    const ownPriced = await inChild({ priceCents: 12900 });
    // a SKU's own default member-day price applies while any member day is on
    const withDefault = await makeSku(t, { priceCents: 10000, stock: 10 });
    await t.ds.getRepository(Sku).update({ id: withDefault.id }, { memberDayPriceCents: 7000 });
    const body = { name: '18 号会员日', recurrence: { kind: 'MONTHLY', days: [18] }, audience: 'PAID_MEMBERS', categoryRates: { [root.id]: 8500 }, skuPrices: [{ skuId: ownPriced.id, priceCents: 11000 }] };
    const rule = (await t.http().post('/api/admin/member-days').set(staff).send(body).expect(201)).body;

    await setClock('2027-03-18T04:00:00.000Z'); // noon on the 18th in Shanghai
    const offers = async (auth?: Auth) => {
      const req = t.http().get('/api/member-days/current');
      const current = (await (auth ? req.set(auth) : req).expect(200)).body.current;
      expect(current.id).toBe(rule.id);
      return new Map((current.offers as { skuId: number; memberDayPriceCents: number }[]).map((o) => [o.skuId, o.memberDayPriceCents]));
    };
    const charged = async (auth: Auth, skuId: number) => (await preview(auth, skuId)).lines[0].unitPriceCents;
    const asMember = await offers(member.auth);
    expect([memberPriced, ownPriced, withDefault].map((s) => asMember.get(s.id))).toEqual([9900, 10965, 7000]);
    for (const sku of [memberPriced, ownPriced, withDefault]) expect(asMember.get(sku.id)).toBe(await charged(member.auth, sku.id));
    // a visitor or a customer without a card sees the day's price with the card the page sells
    expect(await offers()).toEqual(asMember);
    expect(await offers({ Authorization: 'Bearer not-a-token' })).toEqual(asMember);
    expect(await offers(guest.auth)).toEqual(asMember);
    expect(await charged(guest.auth, memberPriced.id)).toBe(12900);

    // staff: the offer's own price, and what one unit costs on the day without and with a card
    const expected = [
      { skuId: memberPriced.id, listPriceCents: 12900, memberPriceCents: 9900, memberDayPriceCents: 10965, nonMemberPaysCents: 12900, memberPaysCents: 9900 },
      { skuId: ownPriced.id, listPriceCents: 12900, memberPriceCents: null, memberDayPriceCents: 10965, nonMemberPaysCents: 12900, memberPaysCents: 10965 },
    ];
    const saved = (await t.http().get(`/api/admin/member-days/${rule.id}/preview?count=1`).set(staff).expect(200)).body.skus;
    expect(saved).toEqual(expected.map((e) => expect.objectContaining(e)));
    const draft = (await t.http().post('/api/admin/member-days/preview?count=1').set(staff).send(body).expect(200)).body.skus;
    expect(draft).toEqual(saved);
    await t.http().put(`/api/admin/member-days/${rule.id}`).set(staff).send({ active: false }).expect(200);
  });

  it('refuses invalid rules: bad recurrence, a price above list, and conflicting overlapping offers', async () => {
    const sku = await makeSku(t, { priceCents: 2000, stock: 10 });
    const bad = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [32] }, audience: 'PAID_MEMBERS' }).expect(400);
    expect(bad.body.error.message).toBe('recurrence: 日期须为 1 … 31');
    // times and the tier id out of range are refused with the field's sentence, never clamped
    const minute = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [15] }, audience: 'PAID_MEMBERS', startMinute: -5 }).expect(400);
    expect(minute.body.error.message).toBe('开始时间（当天第几分钟）须为 0 到 1439 之间的整数');
    const end = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [15] }, audience: 'PAID_MEMBERS', endMinute: 1441 }).expect(400);
    expect(end.body.error.message).toBe('结束时间（当天第几分钟）须为 1 到 1440 之间的整数');
    const tierId = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [15] }, audience: 'TIER_AT_LEAST', audienceTierId: 0 }).expect(400);
    expect(tierId.body.error.message).toBe('最低等级 ID须为 1 到 2147483647 之间的整数');
    const above = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'x', recurrence: { kind: 'MONTHLY', days: [15] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 2100 }] }).expect(409);
    expect(above.body.error.details).toEqual({ skuId: sku.id });
    await t.http().post('/api/admin/member-days').set(staff).send({ name: 'a', recurrence: { kind: 'MONTHLY', days: [20] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1500 }] }).expect(201);
    const clash = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'b', recurrence: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5, 6, 7] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1400 }] }).expect(409);
    expect(clash.body.error.details.conflictsWith).toHaveLength(1);
    await t.http().post('/api/admin/member-days').set(staff).send({ name: 'c', recurrence: { kind: 'MONTHLY', days: [21] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1400 }] }).expect(201);
    const noTier = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'd', recurrence: { kind: 'MONTHLY', days: [22] }, audience: 'TIER_AT_LEAST' }).expect(400);
    expect(noTier.body.error.message).toMatch(/^audienceTierId: .*须选择一个已有的会员等级$/);
    const count = async () => (await t.http().get('/api/admin/member-days?pageSize=100').set(staff).expect(200)).body.total;
    const before = await count();
    const limit = '每人限购件数须为 0 到 9999 之间的整数';
    for (const perCustomerLimit of [-3, 'abc', 1.5, 10000]) {
      const res = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'e', recurrence: { kind: 'MONTHLY', days: [23] }, audience: 'PAID_MEMBERS', perCustomerLimit }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: limit, details: { fields: [{ field: 'perCustomerLimit', problems: [limit] }] } });
    }
    const negative = await t.http().post('/api/admin/member-days').set(staff).send({ name: 'f', recurrence: { kind: 'MONTHLY', days: [24] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: -3 }] }).expect(400);
    expect(negative.body.error.details.fields).toEqual([{ field: 'skuPrices.0.priceCents', problems: ['会员日价须为 0 到 10000000 元之间，最多两位小数'] }]);
    expect(await count()).toBe(before);
    await t.http().get('/api/admin/member-days').set(await t.staff('finance', 'admin123')).expect(403);
  });

  it('audits every change in its own transaction: before as the change found the rule, after as it left it', async () => {
    const sku = await makeSku(t, { priceCents: 2000, stock: 10 });
    const created = (
      await t.http().post('/api/admin/member-days').set(staff).send({ name: '审计日', recurrence: { kind: 'MONTHLY', days: [28] }, audience: 'PAID_MEMBERS', skuPrices: [{ skuId: sku.id, priceCents: 1500 }] }).expect(201)
    ).body;
    // five changes at once queue on the rule: each one found the rule as the one before left it
    const names = ['审计日 1', '审计日 2', '审计日 3', '审计日 4', '审计日 5'];
    await Promise.all(names.map((name) => t.http().put(`/api/admin/member-days/${created.id}`).set(staff).send({ name }).expect(200)));
    await t.http().put(`/api/admin/member-days/${created.id}`).set(staff).send({ skuPrices: [{ skuId: sku.id, priceCents: 2100 }] }).expect(409); // refused: no audit row
    const rows = (await t.ds.query('SELECT staffId, action, beforeJson, afterJson FROM audit_log WHERE targetType = ? AND targetId = ? ORDER BY id', ['member_day', String(created.id)])) as {
      staffId: number | null;
      action: string;
      beforeJson: string | null;
      afterJson: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['member-day.create', ...names.map(() => 'member-day.update')]);
    expect(rows.every((r) => r.staffId !== null)).toBe(true);
    expect(rows[0].beforeJson).toBeNull();
    expect(JSON.parse(rows[0].afterJson)).toEqual(created);
    for (let i = 1; i < rows.length; i++) expect(JSON.parse(rows[i].beforeJson!)).toEqual(JSON.parse(rows[i - 1].afterJson));
    expect(rows.slice(1).map((r) => JSON.parse(r.afterJson).name).sort()).toEqual(names);
    const now = (await t.http().get(`/api/admin/member-days/${created.id}`).set(staff).expect(200)).body;
    expect(JSON.parse(rows[rows.length - 1].afterJson)).toEqual(now);
    expect(now.skuPrices).toEqual([{ skuId: sku.id, priceCents: 1500 }]);
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

describe('several member days on at once (dev clock, Asia/Shanghai)', () => {
  // 2027-03-12 is a Friday: "每月 12 号茶饮日" (paid members, tea 8 折, 2×, 2 units each) and
  // "周五金卡零食日" (tier ≥ 金卡, one snack SKU at 20.00, 3×, 3 units each) are both on at noon.
  const FRIDAY_THE_12TH = '2027-03-12T04:00:00.000Z';
  let t: TestApp;
  let staff: Auth;
  let teaDay: number;
  let goldDay: number;
  let tea: { id: number };
  let snack: { id: number };
  let gold: { id: number; discountBp: number; pointsMultiplierBp: number };

  const setClock = (now: string | null) => t.http().post('/api/dev/clock').send({ now }).expect(200);
  const cart = (teaQty: number, snackQty: number) => [
    ...(teaQty ? [{ skuId: tea.id, qty: teaQty }] : []),
    ...(snackQty ? [{ skuId: snack.id, qty: snackQty }] : []),
  ];
  const preview = async (auth: Auth, items: { skuId: number; qty: number }[]) =>
    (await t.http().post('/api/checkout/preview').set(auth).send({ items }).expect(200)).body;
  const usage = async (customerId: number) =>
    Object.fromEntries(
      ((await t.ds.query('SELECT memberDayId, qty FROM member_day_usage WHERE customerId = ? AND occurrenceDate = ?', [customerId, '2027-03-12'])) as { memberDayId: number; qty: number }[]).map((r) => [
        Number(r.memberDayId),
        Number(r.qty),
      ]),
    );
  async function customer(openid: string, opts: { card: boolean; gold: boolean }) {
    const c = await t.customer(openid);
    if (opts.card) await buyCard(t, c.auth);
    if (opts.gold) await t.ds.getRepository(CustomerGrowth).save({ customerId: c.id, growth: 2000, tierId: gold.id, updatedAt: new Date() });
    return c;
  }
  const lineAdjustments = (body: { adjustments: { lineId: string | null; kind: string; sourceType: string; sourceId: string | null; amountCents: number }[] }) =>
    body.adjustments.filter((a) => a.lineId !== null).map((a) => [a.lineId, a.kind, a.sourceType, a.sourceId, a.amountCents]);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock('2027-03-01T02:00:00.000Z');
    gold = (await t.http().get('/api/admin/tiers').set(staff).expect(200)).body.items.find((x: { name: string }) => x.name === '金卡');
    // tea lives in a child of a new root category: the root's rate reaches it
    const teaRoot = await t.ds.getRepository(Category).save({ parentId: null, name: '测试茶饮', iconUrl: '', sort: 99, active: true });
    const greenTea = await t.ds.getRepository(Category).save({ parentId: teaRoot.id, name: '测试绿茶', iconUrl: '', sort: 0, active: true });
    const teaSku = await makeSku(t, { priceCents: 5000, stock: 100, title: '测试龙井' });
    await t.ds.getRepository(Product).update({ id: teaSku.productId }, { categoryId: greenTea.id });
    tea = teaSku;
    snack = await makeSku(t, { priceCents: 3000, memberPriceCents: 2700, stock: 100, title: '测试坚果' });
    const create = async (body: object) => {
      const res = await t.http().post('/api/admin/member-days').set(staff).send(body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id as number;
    };
    teaDay = await create({
      name: '每月 12 号茶饮日', recurrence: { kind: 'MONTHLY', days: [12] }, audience: 'PAID_MEMBERS', categoryRates: { [teaRoot.id]: 8000 }, pointsMultiplierBp: 20000, perCustomerLimit: 2,
    });
    goldDay = await create({
      name: '周五金卡零食日', recurrence: { kind: 'WEEKLY', weekdays: [5] }, audience: 'TIER_AT_LEAST', audienceTierId: gold.id, skuPrices: [{ skuId: snack.id, priceCents: 2000 }], pointsMultiplierBp: 30000, perCustomerLimit: 3,
    });
    expect(teaDay).toBeLessThan(goldDay);
  });
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('gives a paid 金卡 member both member-day prices in one cart, each adjustment naming its rule', async () => {
    const c = await customer('multi-gold', { card: true, gold: true });
    await setClock(FRIDAY_THE_12TH);
    const body = await preview(c.auth, cart(2, 1));
    expect(body.lines.map((l: { skuId: number; unitPriceCents: number; priceSource: string }) => [l.skuId, l.unitPriceCents, l.priceSource])).toEqual([
      [tea.id, 4000, 'MEMBER_DAY_CATEGORY_RATE'],
      [snack.id, 2000, 'MEMBER_DAY_PRICE'],
    ]);
    expect(lineAdjustments(body)).toEqual([
      [String(tea.id), 'MEMBER_DAY_CATEGORY_RATE', 'MEMBER_DAY', String(teaDay), -2000],
      [String(snack.id), 'MEMBER_DAY_PRICE', 'MEMBER_DAY', String(goldDay), -1000],
    ]);
    // the tea day took 2000 off, the 金卡 day 1000: the order's member day is the tea day
    expect(body.memberDayId).toBe(String(teaDay));
    expect(body.payableCents).toBe(10000);
    // 100 yuan × the 金卡 multiplier × 3 (the higher of 2× and 3×, not their product)
    expect(body.pointsToEarn).toBe(Math.floor((100 * gold.pointsMultiplierBp * 30000) / 10000 / 10000));
  });

  it('a paid member below 金卡 gets only the paid-members day; a 金卡 customer without a card only the 金卡 day', async () => {
    await setClock(FRIDAY_THE_12TH);
    const member = await customer('multi-member', { card: true, gold: false });
    const asMember = await preview(member.auth, cart(2, 1));
    expect(lineAdjustments(asMember)).toEqual([
      [String(tea.id), 'MEMBER_DAY_CATEGORY_RATE', 'MEMBER_DAY', String(teaDay), -2000],
      [String(snack.id), 'MEMBER_PRICE', 'SKU', String(snack.id), -300],
    ]);
    expect(asMember).toMatchObject({ payableCents: 10700, memberDayId: String(teaDay), pointsToEarn: 214 });

    const goldGuest = await customer('multi-gold-guest', { card: false, gold: true });
    const asGoldGuest = await preview(goldGuest.auth, cart(2, 1));
    const tierTea = Math.floor((5000 * gold.discountBp + 5000) / 10000);
    expect(lineAdjustments(asGoldGuest)).toEqual([
      [String(tea.id), 'TIER_DISCOUNT', 'TIER', String(gold.id), (tierTea - 5000) * 2],
      [String(snack.id), 'MEMBER_DAY_PRICE', 'MEMBER_DAY', String(goldDay), -1000],
    ]);
    expect(asGoldGuest.memberDayId).toBe(String(goldDay));

    // the exclusive item of the 金卡 day opens for 金卡 customers only
    const exclusive = await makeSku(t, { priceCents: 1000, stock: 10 });
    await t.http().put(`/api/admin/member-days/${goldDay}`).set(staff).send({ exclusiveProductIds: [exclusive.productId] }).expect(200);
    await placeOrder(t, member.auth, [{ skuId: exclusive.id, qty: 1 }], await addAddress(t, member.auth)).expect(409);
    await placeOrder(t, goldGuest.auth, [{ skuId: exclusive.id, qty: 1 }], await addAddress(t, goldGuest.auth)).expect(201);
    await t.http().put(`/api/admin/member-days/${goldDay}`).set(staff).send({ exclusiveProductIds: [] }).expect(200);
  });

  it('counts each rule its own units under 6 parallel orders, and a cancel gives each rule its units back', async () => {
    await setClock(FRIDAY_THE_12TH);
    const c = await customer('multi-limits', { card: true, gold: true });
    const address = await addAddress(t, c.auth);
    // each order takes 1 tea (tea day, limit 2) and 1 snack (金卡 day, limit 3): exactly 2 pass
    const results = await Promise.all(Array.from({ length: 6 }, () => placeOrder(t, c.auth, cart(1, 1), address)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('LIMIT_EXCEEDED');
    expect(await usage(c.id)).toEqual({ [teaDay]: 2, [goldDay]: 2 });

    // the 金卡 day has one unit left, the tea day none
    const teaOnly = await placeOrder(t, c.auth, cart(1, 0), address).expect(409);
    expect(teaOnly.body.error.details).toEqual({ limit: 2, memberDayId: teaDay });
    const snackOnly = await placeOrder(t, c.auth, cart(0, 1), address).expect(201);
    const over = await placeOrder(t, c.auth, cart(0, 1), address).expect(409);
    expect(over.body.error.details).toEqual({ limit: 3, memberDayId: goldDay });
    expect(await usage(c.id)).toEqual({ [teaDay]: 2, [goldDay]: 3 });

    // cancelling a two-line order gives one unit back to each rule; the snack-only order only to the 金卡 day
    const first = results.find((r) => r.status === 201)!;
    await t.http().post(`/api/orders/${first.body.id}/cancel`).set(c.auth).expect(201);
    expect(await usage(c.id)).toEqual({ [teaDay]: 1, [goldDay]: 2 });
    await t.http().post(`/api/orders/${snackOnly.body.id}/cancel`).set(c.auth).expect(201);
    expect(await usage(c.id)).toEqual({ [teaDay]: 1, [goldDay]: 1 });
    await placeOrder(t, c.auth, cart(1, 2), address).expect(201);
    expect(await usage(c.id)).toEqual({ [teaDay]: 2, [goldDay]: 3 });
  });

  it("a non-member's memberSavingsCents is what the card saves them on the same cart, with both days on", async () => {
    await setClock(FRIDAY_THE_12TH);
    const c = await customer('multi-convert', { card: false, gold: true });
    const before = await preview(c.auth, cart(2, 1));
    expect(before.memberSavingsCents).toBeGreaterThan(0);
    await buyCard(t, c.auth);
    const after = await preview(c.auth, cart(2, 1));
    expect(after.memberSavingsCents).toBe(0);
    expect(before.memberSavingsCents).toBe(before.payableCents - after.payableCents);
    // with the card the tea day opens too: both rules price the cart
    expect(lineAdjustments(after).map((a) => a[3])).toEqual([String(teaDay), String(goldDay)]);
  });

  it('the member-day report counts an order priced by both rules under each of them', async () => {
    await setClock(FRIDAY_THE_12TH);
    const finance = await t.staff('finance', 'admin123');
    const report = async () => (await t.http().get('/api/admin/reports/member-days?count=1').set(finance).expect(200)).body.items as { memberDayId: number; date: string; orders: number; gmvCents: number }[];
    const dayOf = (items: Awaited<ReturnType<typeof report>>, id: number) => items.find((i) => i.memberDayId === id && i.date === '2027-03-12')!;
    const before = await report();
    const c = await customer('multi-report', { card: true, gold: true });
    const orderId = await placeAndPay(t, c.auth, cart(1, 1), await addAddress(t, c.auth));
    const order = (await t.http().get(`/api/orders/${orderId}`).set(c.auth).expect(200)).body;
    const after = await report();
    for (const id of [teaDay, goldDay]) {
      expect(dayOf(after, id).orders).toBe(dayOf(before, id).orders + 1);
      expect(dayOf(after, id).gmvCents).toBe(dayOf(before, id).gmvCents + order.payableCents);
    }
  });
});
