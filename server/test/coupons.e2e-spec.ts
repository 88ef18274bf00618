import { shareOfUnits } from '@mc/shared';
import { withTx } from '../src/common/tx';
import { CouponService } from '../src/modules/coupon/coupon.service';
import { PointsService } from '../src/modules/points/points.service';
import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { addAddress, Auth, buyCard, makeSku, simPay, stockOf, waitFor } from './support/shop';
import { raceAfterPricing } from './support/race';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth; address: number };
type Item = { skuId: number; qty: number };

const WEDNESDAY = '2027-03-10T02:00:00.000Z'; // no member day
const DAY = 86_400_000;

describe('coupons on MariaDB: templates, grants, the wallet, checkout, the race, cancel and refunds', () => {
  let t: TestApp;
  let staff: Auth;
  const { setClock, order, refund } = pointsKit(
    () => t,
    () => staff,
  );

  const createTemplate = (body: Record<string, unknown>) => t.http().post('/api/admin/coupon-templates').set(staff).send(body);
  const amountOff = (more: Record<string, unknown> = {}) => ({ title: '满 100 减 20', kind: 'AMOUNT_OFF', amountOffCents: 2000, thresholdCents: 10000, validDays: 30, audience: 'ALL', ...more });
  async function template(body: Record<string, unknown>): Promise<number> {
    return (await createTemplate(body).expect(201)).body.id;
  }
  const grant = (templateId: number, customerIds: number[]) => t.http().post(`/api/admin/coupon-templates/${templateId}/grants`).set(staff).send({ customerIds });
  const wallet = async (c: { auth: Auth }, status?: string) => (await t.http().get('/api/coupons').query(status ? { status } : {}).set(c.auth).expect(200)).body.items;
  const preview = (c: Customer, items: Item[], more: Record<string, unknown> = {}) => t.http().post('/api/checkout/preview').set(c.auth).send({ items, ...more });
  const place = (c: Customer, items: Item[], more: Record<string, unknown> = {}) => t.http().post('/api/orders').set(c.auth).send({ items, addressId: c.address, ...more });
  const couponRow = async (id: number) => (await t.ds.query('SELECT status, orderId FROM coupon WHERE id = ?', [id]))[0] as { status: string; orderId: number | null };
  const linesOf = async (orderId: number) =>
    (await t.ds.query('SELECT id, qty, goodsCents, lineDiscountCents, couponCents, pointsCents, cashPaidCents FROM order_line WHERE orderId = ? ORDER BY id', [orderId])).map(
      (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as Record<string, number>,
    );

  let n = 0;
  async function customer(points = 0): Promise<Customer> {
    const c = await t.customer(`coupon-${++n}`);
    if (points > 0) {
      await withTx(t.ds, (tx) => t.app.get(PointsService).post(tx, { customerId: c.id, delta: points, kind: 'ADJUST', dedupeKey: `test:coupon:${c.id}`, memo: '测试发放' }));
    }
    return { ...c, address: await addAddress(t, c.auth) };
  }

  /** One coupon of a new template for the customer; its id. */
  async function couponFor(c: Customer, body: Record<string, unknown> = amountOff()): Promise<number> {
    const id = await template(body);
    expect((await grant(id, [c.id]).expect(201)).body).toEqual({ granted: 1, skipped: [] });
    const items = await wallet(c);
    return items.find((x: { templateId: number }) => x.templateId === id).id;
  }

  async function pay(c: Customer, orderId: number) {
    const res = await t.http().post(`/api/orders/${orderId}/pay`).set(c.auth).expect(200);
    await simPay(t, res.body.params.package);
    await waitFor(async () => (await order(c, orderId)).status === 'PAID');
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock(WEDNESDAY);
  });
  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('the demo store has two coupon templates and the demo customer holds one of each', async () => {
    const demo = await t.customer('demo-customer');
    // granted when the app was seeded, 30 days from the real time (this spec's clock is set later)
    const held = await wallet(demo);
    expect(held.map((x: { title: string; kind: string }) => [x.title, x.kind]).sort()).toEqual([
      ['会员 9 折券（最多减 30 元）', 'PERCENT_OFF'],
      ['满 100 减 15', 'AMOUNT_OFF'],
    ]);
  });

  it('staff create, list and edit templates; combinations that make no coupon and out-of-range numbers are refused, never adjusted', async () => {
    const created = await createTemplate(amountOff({ totalQuantity: 100, perCustomerLimit: 2 })).expect(201);
    expect(created.body).toMatchObject({ title: '满 100 减 20', kind: 'AMOUNT_OFF', amountOffCents: 2000, percentOffBp: null, thresholdCents: 10000, validDays: 30, validFrom: null, audience: 'ALL', totalQuantity: 100, issuedCount: 0, usedCount: 0, perCustomerLimit: 2, active: true, grantOnCardPurchase: false });

    const refused: [Record<string, unknown>, string][] = [
      [amountOff({ amountOffCents: undefined }), '满减券须填写减免金额'],
      [amountOff({ percentOffBp: 1000 }), '满减券不设折扣和最多减免'],
      [{ ...amountOff(), kind: 'PERCENT_OFF', amountOffCents: undefined }, '折扣券须填写折扣'],
      [{ ...amountOff(), kind: 'PERCENT_OFF', amountOffCents: undefined, percentOffBp: 10000 }, '折扣须在 0.01 折到 9.99 折之间'],
      [amountOff({ thresholdCents: -1 }), '使用门槛须为 0 到 100000 元之间，最多两位小数'],
      [amountOff({ amountOffCents: 12.5 }), '减免金额须为 0.01 到 100000 元之间，最多两位小数'],
      [amountOff({ totalQuantity: 0 }), '发放总量须为 1 到 10000000 之间的整数'],
      [amountOff({ perCustomerLimit: 1001 }), '每人限领须为 1 到 1000 之间的整数'],
      [amountOff({ validFrom: '2027-03-01T00:00:00.000Z', validUntil: '2027-04-01T00:00:00.000Z' }), '有效期须二选一：填写领取后有效天数，或同时填写开始和结束时间'],
      [amountOff({ validDays: undefined }), '有效期须二选一：填写领取后有效天数，或同时填写开始和结束时间'],
      [amountOff({ validDays: undefined, validFrom: '2027-04-01T00:00:00.000Z', validUntil: '2027-03-01T00:00:00.000Z' }), '结束时间须晚于开始时间'],
      [amountOff({ minTierId: 999 }), '会员等级 999 不存在'],
      [amountOff({ title: '' }), '名称不能为空'],
      [amountOff({ issuedCount: 5 }), 'issuedCount: 不允许提交此字段'],
    ];
    for (const [body, message] of refused) {
      const res = await createTemplate(body).expect(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    }

    const id = created.body.id;
    const edited = await t.http().put(`/api/admin/coupon-templates/${id}`).set(staff).send({ title: '九折券', kind: 'PERCENT_OFF', percentOffBp: 1000, capCents: 5000, thresholdCents: 0, validFrom: '2027-03-01T00:00:00.000Z', validUntil: '2027-04-01T00:00:00.000Z', audience: 'PAID_MEMBERS', active: false }).expect(200);
    expect(edited.body).toMatchObject({ title: '九折券', kind: 'PERCENT_OFF', amountOffCents: null, percentOffBp: 1000, capCents: 5000, validDays: null, validFrom: '2027-03-01T00:00:00.000Z', validUntil: '2027-04-01T00:00:00.000Z', audience: 'PAID_MEMBERS', totalQuantity: null, active: false });
    const list = (await t.http().get('/api/admin/coupon-templates').set(staff).expect(200)).body;
    expect(list.items.find((x: { id: number }) => x.id === id)).toEqual(edited.body);

    const c = await customer();
    await t.http().get('/api/admin/coupon-templates').set(c.auth).expect(403);
    await t.http().put(`/api/admin/coupon-templates/999999`).set(staff).send(amountOff()).expect(404);
  });

  it('staff grant to customer ids; the wallet shows exactly the fields of api.md by status; the per-customer limit skips; unknown customers grant nothing', async () => {
    const [a, b] = [await customer(), await customer()];
    const id = await template(amountOff({ perCustomerLimit: 1, totalQuantity: 10 }));
    expect((await grant(id, [a.id, b.id]).expect(201)).body).toEqual({ granted: 2, skipped: [] });
    expect((await grant(id, [a.id]).expect(201)).body).toEqual({ granted: 0, skipped: [a.id] });
    await grant(id, [a.id, 99_999_999]).expect(400);
    await grant(id, []).expect(400);

    const [coupon] = await wallet(a, 'USABLE');
    const now = new Date(WEDNESDAY).getTime();
    expect(coupon).toEqual({
      id: expect.any(Number),
      templateId: id,
      title: '满 100 减 20',
      kind: 'AMOUNT_OFF',
      amountOffCents: 2000,
      thresholdCents: 10000,
      validFrom: expect.any(String),
      validUntil: expect.any(String),
      status: 'USABLE',
    });
    expect(new Date(coupon.validUntil).getTime() - new Date(coupon.validFrom).getTime()).toBe(30 * DAY);
    expect(Math.abs(new Date(coupon.validFrom).getTime() - now)).toBeLessThan(60_000);

    const pct = await couponFor(a, { title: '9 折券', kind: 'PERCENT_OFF', percentOffBp: 1000, capCents: 3000, thresholdCents: 0, validFrom: '2027-03-01T00:00:00.000Z', validUntil: '2027-03-20T00:00:00.000Z', audience: 'ALL' });
    expect((await wallet(a, 'USABLE')).find((x: { id: number }) => x.id === pct)).toEqual({
      id: pct,
      templateId: expect.any(Number),
      title: '9 折券',
      kind: 'PERCENT_OFF',
      percentOffBp: 1000,
      thresholdCents: 0,
      capCents: 3000,
      validFrom: '2027-03-01T00:00:00.000Z',
      validUntil: '2027-03-20T00:00:00.000Z',
      status: 'USABLE',
    });
    expect(await wallet(a, 'EXPIRED')).toEqual([]);
    await setClock('2027-03-25T02:00:00.000Z');
    try {
      expect((await wallet(a, 'EXPIRED')).map((x: { id: number }) => x.id)).toEqual([pct]);
      expect((await wallet(a, 'USABLE')).map((x: { id: number }) => x.id)).toEqual([coupon.id]);
    } finally {
      await setClock(WEDNESDAY);
    }
    await t.http().get('/api/coupons?status=GONE').set(a.auth).expect(400);
    expect(await wallet(b)).toHaveLength(1);

    const usage = (await t.http().get(`/api/admin/coupon-templates/${id}/coupons`).set(staff).expect(200)).body;
    expect(usage.total).toBe(2);
    expect(usage.items.map((r: { customerId: number; source: string; status: string }) => [r.customerId, r.source, r.status]).sort()).toEqual([
      [a.id, 'STAFF', 'USABLE'],
      [b.id, 'STAFF', 'USABLE'],
    ].sort());
  });

  it('parallel grants never issue more than the total quantity, nor more than the per-customer limit', async () => {
    const id = await template(amountOff({ totalQuantity: 5 }));
    const cs = await Promise.all(Array.from({ length: 12 }, () => customer()));
    const results = await Promise.all(cs.map((c) => grant(id, [c.id])));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(5).fill(201), ...Array(7).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: '优惠券「满 100 减 20」已发完' });
    const [{ issued }] = await t.ds.query('SELECT issuedCount AS issued FROM coupon_template WHERE id = ?', [id]);
    const [{ granted }] = await t.ds.query('SELECT COUNT(*) AS granted FROM coupon WHERE templateId = ?', [id]);
    expect([Number(issued), Number(granted)]).toEqual([5, 5]);

    // the service other modules call (points mall, lottery): 8 parallel grants to one customer, limit 2
    const limited = await template(amountOff({ perCustomerLimit: 2 }));
    const c = cs[0];
    const coupons = t.app.get(CouponService);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => withTx(t.ds, (tx) => coupons.grant(tx, { templateId: limited, customerId: c.id, source: 'LOTTERY', dedupeKey: `lottery:test:${i}` }))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    const [{ held }] = await t.ds.query('SELECT COUNT(*) AS held FROM coupon WHERE templateId = ? AND customerId = ?', [limited, c.id]);
    expect(Number(held)).toBe(2);
    // the same dedupeKey again is the coupon granted the first time, not another
    const first = outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ id: number; dedupeKey: string }>;
    const again = await withTx(t.ds, (tx) => coupons.grant(tx, { templateId: limited, customerId: c.id, source: 'LOTTERY', dedupeKey: first.value.dedupeKey }));
    expect(again.id).toBe(first.value.id);
  });

  it('the preview applies the best usable coupon when none is named, none for null, the named one, and refuses one that does not apply', async () => {
    const c = await customer();
    const sku = await makeSku(t, { priceCents: 6000, stock: 50 });
    const twenty = await couponFor(c); // 满 100 减 20
    const ten = await couponFor(c, amountOff({ title: '无门槛 10 元', amountOffCents: 1000, thresholdCents: 0 }));
    const big = await couponFor(c, amountOff({ title: '满 500 减 100', amountOffCents: 10000, thresholdCents: 50000 }));
    const members = await couponFor(c, amountOff({ title: '会员 50 元', amountOffCents: 5000, thresholdCents: 0, audience: 'PAID_MEMBERS' }));
    const items = [{ skuId: sku.id, qty: 2 }]; // 120 yuan

    const best = (await preview(c, items).expect(200)).body;
    expect(best).toMatchObject({ goodsCents: 12000, couponId: twenty, couponCents: 2000 });
    expect(best.usableCoupons.map((x: { id: number; couponCents: number }) => [x.id, x.couponCents])).toEqual([
      [twenty, 2000],
      [ten, 1000],
    ]);
    expect(best.unusableCoupons.map((x: { id: number; reason: string; reasonText: string }) => [x.id, x.reason, x.reasonText])).toEqual([
      [big, 'THRESHOLD_NOT_MET', '未达到使用门槛'],
      [members, 'MEMBERS_ONLY', '付费会员专享'],
    ]);
    expect(best.adjustments).toContainEqual(expect.objectContaining({ kind: 'COUPON', amountCents: -2000, sourceType: 'COUPON', sourceId: String(twenty) }));

    const none = (await preview(c, items, { couponId: null }).expect(200)).body;
    expect([none.couponId, none.couponCents, none.payableCents]).toEqual([null, 0, best.payableCents + 2000]);
    const named = (await preview(c, items, { couponId: ten }).expect(200)).body;
    expect([named.couponId, named.couponCents]).toEqual([ten, 1000]);

    for (const [couponId, message] of [
      [big, '优惠券不能用于本单：未达到使用门槛'],
      [members, '优惠券不能用于本单：付费会员专享'],
      [99_999_999, '优惠券不存在或已被使用'],
    ] as const) {
      expect((await preview(c, items, { couponId }).expect(409)).body.error).toMatchObject({ code: 'INVALID_STATE', message });
      expect((await place(c, items, { couponId }).expect(409)).body.error).toMatchObject({ code: 'INVALID_STATE', message });
    }
    // another customer's coupon is not theirs to use
    const other = await customer();
    expect((await preview(other, items, { couponId: twenty }).expect(409)).body.error.code).toBe('INVALID_STATE');
    await preview(c, items, { couponId: 'x' }).expect(400);
    expect(await stockOf(t, sku.id)).toBe(50);
  });

  it('a coupon for tiers at or above 银卡 applies once the customer has the growth', async () => {
    const c = await customer();
    const tiers = (await t.http().get('/api/admin/tiers').set(staff).expect(200)).body.items as { id: number; name: string; growthThreshold: number }[];
    const silver = tiers.find((x) => x.name === '银卡')!;
    const couponId = await couponFor(c, amountOff({ title: '银卡以上 10 元', amountOffCents: 1000, thresholdCents: 0, minTierId: silver.id }));
    const sku = await makeSku(t, { priceCents: 3000, stock: 5 });
    const items = [{ skuId: sku.id, qty: 1 }];
    const before = (await preview(c, items).expect(200)).body;
    expect([before.couponId, before.unusableCoupons.map((x: { id: number; reason: string }) => [x.id, x.reason])]).toEqual([null, [[couponId, 'TIER_TOO_LOW']]]);
    // growth as completed orders would have given it (the tiers spec covers earning it)
    await t.ds.query('INSERT INTO customer_growth (customerId, growth, tierId, updatedAt) VALUES (?, ?, ?, NOW(3))', [c.id, silver.growthThreshold, silver.id]);
    const after = (await preview(c, items).expect(200)).body;
    expect([after.couponId, after.couponCents]).toEqual([couponId, 1000]);
  });

  it('ten parallel orders naming one coupon: exactly one uses it, the others are 409 with no order and no stock taken', async () => {
    const c = await customer();
    const sku = await makeSku(t, { priceCents: 12000, stock: 20 });
    const couponId = await couponFor(c);
    const items = [{ skuId: sku.id, qty: 1 }];

    // every request prices (reads the coupon as USABLE) before any of them goes on to take it
    const results = await raceAfterPricing(t, 10, () => place(c, items, { couponId }));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect([ok.length, refused.length]).toEqual([1, 9]);
    for (const r of refused) expect(r.body.error).toMatchObject({ code: 'INVALID_STATE', message: '优惠券已被使用，请重新选择' });
    expect(ok[0].body.payableCents).toBe(10000);
    expect(await couponRow(couponId)).toEqual({ status: 'USED', orderId: ok[0].body.id });
    expect(await stockOf(t, sku.id)).toBe(19);
    const [{ orders }] = await t.ds.query('SELECT COUNT(*) AS orders FROM shop_order WHERE customerId = ?', [c.id]);
    expect(Number(orders)).toBe(1);
    expect((await wallet(c, 'USED')).map((x: { id: number }) => x.id)).toEqual([couponId]);
    // the next order without a coupon named finds none to apply
    const next = (await place(c, items).expect(201)).body;
    expect(next.payableCents).toBe(12000);
  });

  it('a cancelled order gives its coupon back: usable again, and applied again by the next order', async () => {
    const c = await customer();
    const sku = await makeSku(t, { priceCents: 5500, stock: 20 });
    const couponId = await couponFor(c);
    const items = [{ skuId: sku.id, qty: 2 }];
    const placed = (await place(c, items).expect(201)).body;
    expect(placed.payableCents).toBe(9000);
    expect((await order(c, placed.id)).adjustments).toContainEqual({ kind: 'COUPON', orderLineId: null, amountCents: -2000, label: '优惠券' });
    expect(await couponRow(couponId)).toEqual({ status: 'USED', orderId: placed.id });

    await t.http().post(`/api/orders/${placed.id}/cancel`).set(c.auth).expect(201);
    expect(await couponRow(couponId)).toEqual({ status: 'USABLE', orderId: null });
    expect((await wallet(c, 'USABLE')).map((x: { id: number }) => x.id)).toEqual([couponId]);
    const again = (await place(c, items).expect(201)).body;
    expect(again.payableCents).toBe(9000);
    expect(await couponRow(couponId)).toEqual({ status: 'USED', orderId: again.id });
  });

  it('a partly refunded order: each line keeps its coupon share, refunds give back cash minus that share to the fen, and the last refund returns the coupon', async () => {
    const c = await customer(100_000);
    const a = await makeSku(t, { priceCents: 3333, stock: 20 });
    const b = await makeSku(t, { priceCents: 1001, stock: 20 });
    const couponId = await couponFor(c, { title: '9 折最多减 15', kind: 'PERCENT_OFF', percentOffBp: 1000, capCents: 1500, thresholdCents: 0, validDays: 7, audience: 'ALL' });
    const items = [
      { skuId: a.id, qty: 3 },
      { skuId: b.id, qty: 1 },
    ];
    const shown = (await preview(c, items, { usePoints: true }).expect(200)).body;
    // goods 9999 + 1001 = 11000; 10 % = 1100 (under the cap), prorated 999.9 → 1000 and 100.1 → 100
    expect([shown.couponId, shown.couponCents]).toEqual([couponId, 1100]);
    const placed = (await place(c, items, { usePoints: true }).expect(201)).body;
    await pay(c, placed.id);
    const lines = await linesOf(placed.id);
    expect(lines.map((l: Record<string, number>) => l.couponCents)).toEqual([1000, 100]);
    for (const l of lines) expect(l.cashPaidCents).toBe(l.goodsCents - l.lineDiscountCents - l.couponCents - l.pointsCents);
    const detail = await order(c, placed.id);
    expect(detail.pointsValueCents).toBe(4950); // 50 % of what is left after the coupon: (11000 − 1100) / 2
    expect(lines.reduce((s: number, l: Record<string, number>) => s + l.cashPaidCents, 0) + detail.shippingPaidCents).toBe(detail.payableCents);

    const [lineA, lineB] = lines;
    const r1 = await refund(c, placed.id, [{ orderLineId: lineA.id, qty: 1 }]);
    expect(r1.amountCents).toBe(shareOfUnits(lineA.cashPaidCents, 3, 0, 1));
    expect(await couponRow(couponId)).toEqual({ status: 'USED', orderId: placed.id });
    const r2 = await refund(c, placed.id, [{ orderLineId: lineA.id, qty: 2 }]);
    expect(r2.amountCents).toBe(shareOfUnits(lineA.cashPaidCents, 3, 1, 2));
    expect(await couponRow(couponId)).toEqual({ status: 'USED', orderId: placed.id });
    const r3 = await refund(c, placed.id);
    expect(r1.amountCents + r2.amountCents + r3.amountCents).toBe(detail.payableCents);
    expect(r3.amountCents).toBe(lineB.cashPaidCents + detail.shippingPaidCents);
    await waitFor(async () => (await couponRow(couponId)).status === 'USABLE');
    expect(await couponRow(couponId)).toEqual({ status: 'USABLE', orderId: null });
    expect((await order(c, placed.id)).status).toBe('REFUNDED');
  });

  it('a member card paid grants the coupons of the templates marked for it, once, and a members-only coupon then applies', async () => {
    const id = await template({ title: '开卡礼 30 元', kind: 'AMOUNT_OFF', amountOffCents: 3000, thresholdCents: 0, validDays: 30, audience: 'PAID_MEMBERS', grantOnCardPurchase: true });
    const off = await template(amountOff({ title: '停用的开卡礼', grantOnCardPurchase: true, active: false }));
    try {
      const c = await customer();
      const cardOrder = await buyCard(t, c.auth);
      await waitFor(async () => (await wallet(c)).length > 0);
      const held = await wallet(c);
      expect(held.map((x: { templateId: number; status: string }) => [x.templateId, x.status])).toEqual([[id, 'USABLE']]);
      const [row] = await t.ds.query('SELECT source, dedupeKey FROM coupon WHERE customerId = ?', [c.id]);
      expect(row).toEqual({ source: 'CARD_PURCHASE', dedupeKey: `card:${cardOrder}:${id}` });
      expect(off).toBeGreaterThan(0);

      const sku = await makeSku(t, { priceCents: 5000, stock: 5 });
      const shown = (await preview(c, [{ skuId: sku.id, qty: 1 }]).expect(200)).body;
      expect([shown.couponId, shown.couponCents]).toEqual([held[0].id, 3000]);
    } finally {
      for (const tid of [id, off]) await t.ds.query('UPDATE coupon_template SET grantOnCardPurchase = 0 WHERE id = ?', [tid]);
    }
  });
});
