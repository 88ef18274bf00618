import { expectLedgersBalanced } from './support/ledgers';
import { pointsKit } from './support/points';
import { addAddress, Auth, makeSku, simPay, stockOf, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth; address: number };
const DAY_MS = 86_400_000;

/** docs/points-mall.md: items, redemptions as orders of kind POINTS_REDEMPTION, their races and their ends. */
describe('points mall on MariaDB', () => {
  let t: TestApp;
  let staff: Auth;
  const { setClock, runJob, balanceOf, order, ledgerOf, refund, grant } = pointsKit(
    () => t,
    () => staff,
  );

  async function customer(openid: string, points = 0): Promise<Customer> {
    const c = await t.customer(openid);
    if (points > 0) await grant(c.id, points);
    return { ...c, address: await addAddress(t, c.auth) };
  }

  const item = (body: Record<string, unknown>) => t.http().post('/api/admin/points-mall/items').set(staff).send(body);
  const goodsItem = async (o: { pointsCost: number; cashCents?: number; stock: number; perCustomerLimit?: number; skuStock?: number }) => {
    const sku = await makeSku(t, { priceCents: 5000, stock: o.skuStock ?? 100 });
    const res = await item({ title: '帆布袋', kind: 'GOODS', skuId: sku.id, pointsCost: o.pointsCost, cashCents: o.cashCents ?? 0, stock: o.stock, perCustomerLimit: o.perCustomerLimit ?? 0, onShelf: true }).expect(201);
    return { id: res.body.id as number, skuId: sku.id };
  };
  const redeem = (c: Customer, body: { itemId: number; qty: number; addressId?: number }, key?: string) => {
    const req = t.http().post('/api/points-mall/redeem').set(c.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const mallStock = async (id: number) => (await t.http().get(`/api/admin/points-mall/items/${id}`).set(staff).expect(200)).body.stock as number;
  const ordersOf = async (customerId: number) => Number((await t.ds.query('SELECT COUNT(*) AS n FROM shop_order WHERE customerId = ?', [customerId]))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    staff = await t.staff();
    await setClock('2027-03-10T02:00:00.000Z'); // a Wednesday: no member day
  });
  afterEach(async () => expectLedgersBalanced(t));
  afterAll(async () => {
    await setClock(null);
    await t.close();
  });

  it('the demo store has goods (points only, points + cash) and card days in the mall', async () => {
    const c = await customer('mall-demo');
    const { items } = (await t.http().get('/api/points-mall/items').set(c.auth).expect(200)).body;
    expect(items.map((i: { title: string; kind: string; cashCents: number }) => [i.title, i.kind, i.cashCents > 0])).toEqual([
      ['冷泡红茶包（原味）', 'GOODS', false],
      ['明前龙井 100g', 'GOODS', true],
      ['满 100 减 15 优惠券', 'COUPON', false],
      ['会员卡 7 天体验', 'CARD_DAYS', false],
    ]);
    expect(items[0]).toMatchObject({ redeemable: 2, specs: { 口味: '原味' }, coverUrl: expect.stringContaining('/api/media/') });
  });

  it('staff create, edit, shelve and sort items; out-of-range or mismatched fields are refused, never clamped', async () => {
    const sku = await makeSku(t, { priceCents: 3000, stock: 10 });
    const base = { title: '保温杯', kind: 'GOODS', skuId: sku.id, pointsCost: 800, cashCents: 0, stock: 5, perCustomerLimit: 1, onShelf: true };
    const created = (await item(base).expect(201)).body;
    expect(created).toMatchObject({ ...base, cardDays: null, couponTemplateId: null, redeemedUnits: 0, sort: 0 });

    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await item(body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      return res.body.error.message as string;
    };
    expect(await refused({ ...base, pointsCost: 0 }, 'pointsCost')).toBe('所需积分须为 1 到 1000000 之间的整数');
    expect(await refused({ ...base, stock: -1 }, 'stock')).toBe('兑换库存须为 0 到 1000000 之间的整数');
    expect(await refused({ ...base, cashCents: 10.5 }, 'cashCents')).toContain('加价金额');
    expect(await refused({ ...base, perCustomerLimit: 1001 }, 'perCustomerLimit')).toBe('每人限兑须为 0 到 1000 之间的整数');
    await refused({ ...base, skuId: undefined }, 'skuId');
    await refused({ ...base, kind: 'COUPON', couponTemplateId: 1 }, 'skuId');
    await refused({ ...base, kind: 'COUPON', skuId: undefined }, 'couponTemplateId');
    await refused({ ...base, kind: 'COUPON', skuId: undefined, couponTemplateId: 999999 }, 'couponTemplateId');
    await refused({ ...base, couponTemplateId: 1 }, 'couponTemplateId');
    await refused({ ...base, kind: 'PARCEL' }, 'kind');
    await refused({ ...base, cardDays: 30 }, 'cardDays');
    await refused({ ...base, kind: 'CARD_DAYS', cardDays: 0, skuId: undefined }, 'cardDays');
    await refused({ ...base, skuId: 999999 }, 'skuId');
    await refused({ ...base, price: 1 }, 'price');
    expect((await t.http().get(`/api/admin/points-mall/items`).set(staff).expect(200)).body.total).toBe(5); // the demo store's 4 and this one

    const edited = (await t.http().put(`/api/admin/points-mall/items/${created.id}`).set(staff).send({ ...base, title: '保温杯 500ml', stock: 7, sort: 5 }).expect(200)).body;
    expect(edited).toMatchObject({ title: '保温杯 500ml', stock: 7, sort: 5 });
    const card = (await item({ title: '会员 7 天', kind: 'CARD_DAYS', cardDays: 7, pointsCost: 300, cashCents: 0, stock: 50, perCustomerLimit: 0, onShelf: true, sort: 9 }).expect(201)).body;
    await t.http().patch(`/api/admin/points-mall/items/${created.id}`).set(staff).send({ sort: -1 }).expect(400);

    const c = await customer('mall-list', 500);
    const list = (await t.http().get('/api/points-mall/items').set(c.auth).expect(200)).body;
    expect(list.balance).toBe(500);
    const ours = list.items.filter((i: { id: number }) => i.id === card.id || i.id === created.id);
    expect(ours.map((i: { id: number }) => i.id)).toEqual([card.id, created.id]); // higher sort first
    expect(ours[1]).toMatchObject({ kind: 'GOODS', specs: { 规格: '标准' }, stock: 7, redeemed: 0, redeemable: 1 });

    await t.http().patch(`/api/admin/points-mall/items/${card.id}`).set(staff).send({ onShelf: false }).expect(200);
    expect((await t.http().get('/api/points-mall/items').set(c.auth).expect(200)).body.items.map((i: { id: number }) => i.id)).not.toContain(card.id);
    const off = await redeem(c, { itemId: card.id, qty: 1 }).expect(409);
    expect(off.body.error.code).toBe('INVALID_STATE');
    await t.http().patch(`/api/admin/points-mall/items/${card.id}`).set(staff).send({ onShelf: false, sort: 2 }).expect(200);
    const audit = await t.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'points-mall.%'");
    expect(Number(audit[0].n)).toBe(5);
  });

  it('goods for points only: paid at once, points spent once, both stocks taken; shipped and confirmed like any order; earns nothing', async () => {
    const c = await customer('mall-goods', 1000);
    const it = await goodsItem({ pointsCost: 400, stock: 5, skuStock: 10 });
    const noAddress = await redeem(c, { itemId: it.id, qty: 1 }).expect(400);
    expect(noAddress.body.error.details.fields[0].field).toBe('addressId');

    const res = (await redeem(c, { itemId: it.id, qty: 2, addressId: c.address }).expect(200)).body;
    expect(res).toEqual({ orderId: expect.any(Number), status: 'PAID', pointsUsed: 800, payableCents: 0 });
    expect(await balanceOf(c)).toBe(200);
    expect(await mallStock(it.id)).toBe(3);
    expect(await stockOf(t, it.skuId)).toBe(8);
    const o = await order(c, res.orderId);
    expect(o).toMatchObject({ kind: 'POINTS_REDEMPTION', status: 'PAID', pointsUsed: 800, payableCents: 0, address: expect.objectContaining({ name: '张三' }) });
    expect((await ledgerOf(c.id)).filter((l) => l.orderId === res.orderId)).toEqual([expect.objectContaining({ kind: 'SPEND', delta: -800, dedupeKey: `spend:order:${res.orderId}` })]);

    await t.http().post(`/api/admin/orders/${res.orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF1' }).expect(200);
    await t.http().post(`/api/orders/${res.orderId}/confirm`).set(c.auth).expect(201);
    expect((await order(c, res.orderId)).status).toBe('COMPLETED');
    expect((await ledgerOf(c.id)).filter((l) => l.kind === 'EARN')).toEqual([]);

    const mine = (await t.http().get('/api/points-mall/redemptions').set(c.auth).expect(200)).body;
    expect(mine).toMatchObject({ total: 1, items: [{ orderId: res.orderId, orderStatus: 'COMPLETED', qty: 2, pointsUsed: 800, kind: 'GOODS' }] });
    const all = (await t.http().get(`/api/admin/points-mall/redemptions?itemId=${it.id}`).set(staff).expect(200)).body;
    expect(all.items).toEqual([expect.objectContaining({ customerId: c.id, orderId: res.orderId })]);
  });

  it('card days: added to the card when the redemption is paid, from now or after an active card', async () => {
    const c = await customer('mall-card', 1000);
    const card = (await item({ title: '会员 10 天', kind: 'CARD_DAYS', cardDays: 10, pointsCost: 300, cashCents: 0, stock: 10, perCustomerLimit: 0, onShelf: true }).expect(201)).body;
    const res = (await redeem(c, { itemId: card.id, qty: 2 }).expect(200)).body;
    expect(res).toMatchObject({ status: 'PAID', pointsUsed: 600, payableCents: 0 });
    expect((await order(c, res.orderId)).status).toBe('COMPLETED');
    const me = (await t.http().get('/api/me').set(c.auth).expect(200)).body;
    expect(me.isMember).toBe(true);
    const expected = Date.parse('2027-03-10T02:00:00.000Z') + 20 * DAY_MS; // the dev clock runs on from where it was set
    expect(Date.parse(me.memberUntil) - expected).toBeGreaterThanOrEqual(0);
    expect(Date.parse(me.memberUntil) - expected).toBeLessThan(60_000);
    // again while the card is active: the days add to its end
    await redeem(c, { itemId: card.id, qty: 1 }).expect(200);
    const later = (await t.http().get('/api/me').set(c.auth).expect(200)).body;
    expect(Date.parse(later.memberUntil)).toBe(Date.parse(me.memberUntil) + 10 * DAY_MS);
    expect(await balanceOf(c)).toBe(100);
    // not a card bought: nothing to refund as a card
    expect((await t.http().post('/api/membership/refund').set(c.auth).expect(409)).body.error.code).toBe('INVALID_STATE');
    expect((await t.http().post(`/api/orders/${res.orderId}/refunds`).set(c.auth).send({ reason: '不想要了' }).expect(409)).body.error.code).toBe('INVALID_STATE');
  });

  it('10 parallel redemptions of an item with stock 3: exactly 3 orders, points taken exactly 3 times, the rest OUT_OF_STOCK with nothing taken', async () => {
    const it = await goodsItem({ pointsCost: 100, stock: 3, skuStock: 50 });
    const buyers = await Promise.all(Array.from({ length: 10 }, (_, i) => customer(`mall-race-${i}`, 100)));
    const results = await Promise.all(buyers.map((c) => redeem(c, { itemId: it.id, qty: 1, addressId: c.address })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(7).fill('OUT_OF_STOCK'));
    expect(await mallStock(it.id)).toBe(0);
    expect(await stockOf(t, it.skuId)).toBe(47);
    const spends = await t.ds.query(`SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'SPEND' AND customerId IN (${buyers.map((b) => b.id).join(',')})`);
    expect(Number(spends[0].n)).toBe(3);
    const balances = await Promise.all(buyers.map(balanceOf));
    expect(balances.filter((b) => b === 0)).toHaveLength(3);
    expect(balances.filter((b) => b === 100)).toHaveLength(7);
    const orders = await t.ds.query(`SELECT COUNT(*) AS n FROM shop_order WHERE kind = 'POINTS_REDEMPTION' AND customerId IN (${buyers.map((b) => b.id).join(',')})`);
    expect(Number(orders[0].n)).toBe(3);
    const late = await redeem(buyers[0], { itemId: it.id, qty: 1, addressId: buyers[0].address }).expect(409);
    expect(late.body.error).toMatchObject({ code: 'OUT_OF_STOCK', message: '「帆布袋」已兑完', details: { itemId: it.id } });
  });

  it('the per-customer limit holds under parallel redemptions; a customer at the limit is refused LIMIT_EXCEEDED with nothing taken', async () => {
    const c = await customer('mall-limit', 10_000);
    const it = await goodsItem({ pointsCost: 100, stock: 50, perCustomerLimit: 2 });
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem(c, { itemId: it.id, qty: 1, addressId: c.address })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(3).fill('LIMIT_EXCEEDED'));
    expect(await balanceOf(c)).toBe(9800);
    expect(await mallStock(it.id)).toBe(48);

    const again = await redeem(c, { itemId: it.id, qty: 1, addressId: c.address }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: '「帆布袋」每人限兑 2 件，你已兑换 2 件', details: { limit: 2, used: 2 } });
    expect(await balanceOf(c)).toBe(9800);
    expect(await ordersOf(c.id)).toBe(2);
    const listed = (await t.http().get('/api/points-mall/items').set(c.auth).expect(200)).body.items.find((i: { id: number }) => i.id === it.id);
    expect(listed).toMatchObject({ redeemed: 2, redeemable: 0 });
  });

  it('insufficient points: 409 INSUFFICIENT_POINTS saying how many are missing, nothing taken', async () => {
    const c = await customer('mall-poor', 250);
    const it = await goodsItem({ pointsCost: 100, stock: 5, perCustomerLimit: 5, skuStock: 10 });
    const res = await redeem(c, { itemId: it.id, qty: 3, addressId: c.address }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'INSUFFICIENT_POINTS', message: '积分不足：需要 300 积分，还差 50 积分' });
    expect(await balanceOf(c)).toBe(250);
    expect(await mallStock(it.id)).toBe(5);
    expect(await stockOf(t, it.skuId)).toBe(10);
    expect(await ordersOf(c.id)).toBe(0);
    // the allowance was not taken either: the whole limit is still there
    expect((await redeem(c, { itemId: it.id, qty: 2, addressId: c.address }).expect(200)).body.pointsUsed).toBe(200);
  });

  it('the same Idempotency-Key twice (and at once) makes one order and answers the same', async () => {
    const c = await customer('mall-idem', 1000);
    const it = await goodsItem({ pointsCost: 100, stock: 10 });
    const body = { itemId: it.id, qty: 1, addressId: c.address };
    const [a, b] = await Promise.all([redeem(c, body, 'mall-key-1'), redeem(c, body, 'mall-key-1')]);
    const c3 = await redeem(c, body, 'mall-key-1');
    expect([a.status, b.status, c3.status]).toEqual([200, 200, 200]);
    expect(b.body).toEqual(a.body);
    expect(c3.body).toEqual(a.body);
    expect(await ordersOf(c.id)).toBe(1);
    expect(await balanceOf(c)).toBe(900);
    expect(await mallStock(it.id)).toBe(9);
    const tooMany = await redeem(c, { ...body, qty: 10 }).expect(409);
    expect(tooMany.body.error).toMatchObject({ code: 'OUT_OF_STOCK', message: '「帆布袋」库存不足，仅剩 9 件' });
  });

  it('points + cash left unpaid expires through cancel-unpaid: points, mall stock, SKU stock and the allowance come back', async () => {
    const c = await customer('mall-expire', 500);
    const it = await goodsItem({ pointsCost: 200, cashCents: 990, stock: 4, perCustomerLimit: 1, skuStock: 10 });
    const res = (await redeem(c, { itemId: it.id, qty: 1, addressId: c.address }).expect(200)).body;
    expect(res).toMatchObject({ status: 'PENDING_PAYMENT', pointsUsed: 200, payableCents: 990 });
    expect(await balanceOf(c)).toBe(300);
    expect([await mallStock(it.id), await stockOf(t, it.skuId)]).toEqual([3, 9]);

    await setClock('2027-03-10T03:00:00.000Z'); // past the 30-minute payment deadline
    expect(await runJob('cancel-unpaid')).toMatchObject({ cancelled: 1 });
    expect((await order(c, res.orderId)).status).toBe('CANCELLED');
    expect(await balanceOf(c)).toBe(500);
    expect([await mallStock(it.id), await stockOf(t, it.skuId)]).toEqual([4, 10]);
    expect((await ledgerOf(c.id)).filter((l) => l.orderId === res.orderId).map((l) => [l.kind, l.delta, l.dedupeKey])).toEqual([
      ['SPEND', -200, `spend:order:${res.orderId}`],
      ['REVERSE', 200, `return:order:${res.orderId}`],
    ]);
    // the allowance is back: the customer may redeem it again
    expect((await redeem(c, { itemId: it.id, qty: 1, addressId: c.address }).expect(200)).body.status).toBe('PENDING_PAYMENT');
    await setClock('2027-03-10T02:00:00.000Z');
  });

  it('points + cash paid through WeChat Pay, then refunded: the cash and the refunded units’ points come back', async () => {
    const c = await customer('mall-refund', 1000);
    const it = await goodsItem({ pointsCost: 150, cashCents: 500, stock: 10, skuStock: 10 });
    const res = (await redeem(c, { itemId: it.id, qty: 2, addressId: c.address }).expect(200)).body;
    expect(res).toMatchObject({ status: 'PENDING_PAYMENT', pointsUsed: 300, payableCents: 1000 });
    const pay = await t.http().post(`/api/orders/${res.orderId}/pay`).set(c.auth).expect(200);
    await simPay(t, pay.body.params.package);
    await waitFor(async () => (await order(c, res.orderId)).status === 'PAID');
    expect(await balanceOf(c)).toBe(700);

    const o = await order(c, res.orderId);
    const line = o.lines[0];
    const first = await refund(c, res.orderId, [{ orderLineId: line.id, qty: 1 }]);
    expect(first.amountCents).toBe(500);
    expect(await balanceOf(c)).toBe(850);
    await refund(c, res.orderId);
    expect(await balanceOf(c)).toBe(1000);
    expect((await order(c, res.orderId)).status).toBe('REFUNDED');
    expect(await stockOf(t, it.skuId)).toBe(10); // unshipped goods back on the SKU
    expect((await ledgerOf(c.id)).filter((l) => l.kind === 'REVERSE').map((l) => l.delta)).toEqual([150, 150]);
  });

  describe('coupon items', () => {
    const template = async (more: Record<string, unknown> = {}) =>
      (await t.http().post('/api/admin/coupon-templates').set(staff).send({ title: '满 50 减 5', kind: 'AMOUNT_OFF', amountOffCents: 500, thresholdCents: 5000, validDays: 30, audience: 'ALL', ...more }).expect(201)).body.id as number;
    const couponItem = async (couponTemplateId: number, o: { pointsCost?: number; cashCents?: number; stock?: number; perCustomerLimit?: number } = {}) =>
      (await item({ title: '满 50 减 5 券', kind: 'COUPON', couponTemplateId, pointsCost: o.pointsCost ?? 100, cashCents: o.cashCents ?? 0, stock: o.stock ?? 50, perCustomerLimit: o.perCustomerLimit ?? 0, onShelf: true }).expect(201)).body as { id: number };
    const usable = async (c: Customer) => (await t.http().get('/api/coupons?status=USABLE').set(c.auth).expect(200)).body.items as { templateId: number; title: string }[];

    it('staff name an active template; redeeming for points grants one coupon per unit at once and completes the order, no address needed', async () => {
      const off = await template({ active: false });
      const refusal = await item({ title: '券', kind: 'COUPON', couponTemplateId: off, pointsCost: 100, cashCents: 0, stock: 5, perCustomerLimit: 0, onShelf: true }).expect(400);
      expect(refusal.body.error.details.fields[0].field).toBe('couponTemplateId');
      expect(refusal.body.error.message).toContain('已停用');

      const tpl = await template();
      const it = await couponItem(tpl);
      expect((await t.http().get(`/api/admin/points-mall/items/${it.id}`).set(staff).expect(200)).body).toMatchObject({ kind: 'COUPON', couponTemplateId: tpl, skuId: null, cardDays: null });
      const c = await customer('mall-coupon', 500);
      const res = (await redeem(c, { itemId: it.id, qty: 2 }).expect(200)).body;
      expect(res).toEqual({ orderId: expect.any(Number), status: 'PAID', pointsUsed: 200, payableCents: 0 });
      expect((await order(c, res.orderId)).status).toBe('COMPLETED');
      expect(await balanceOf(c)).toBe(300);
      expect((await usable(c)).filter((x) => x.templateId === tpl)).toHaveLength(2);
      const keys = await t.ds.query('SELECT dedupeKey, source FROM coupon WHERE customerId = ? ORDER BY id', [c.id]);
      expect(keys).toEqual([
        { dedupeKey: `mall:${res.orderId}:1`, source: 'POINTS_MALL' },
        { dedupeKey: `mall:${res.orderId}:2`, source: 'POINTS_MALL' },
      ]);
    });

    it('a template at the customer’s limit is 409 LIMIT_EXCEEDED with nothing taken', async () => {
      const tpl = await template({ perCustomerLimit: 1 });
      const it = await couponItem(tpl);
      const c = await customer('mall-coupon-limit', 500);
      await redeem(c, { itemId: it.id, qty: 1 }).expect(200);
      const again = await redeem(c, { itemId: it.id, qty: 1 }).expect(409);
      expect(again.body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: '优惠券「满 50 减 5」每人限领 1 张，你已有 1 张' });
      expect(await balanceOf(c)).toBe(400);
      expect(await mallStock(it.id)).toBe(49);
      expect(await ordersOf(c.id)).toBe(1);
      expect(await usable(c)).toHaveLength(1);
    });

    it('8 parallel redemptions against a template quantity of 2: exactly 2 coupons, the rest refused with nothing taken', async () => {
      const tpl = await template({ totalQuantity: 2 });
      const it = await couponItem(tpl, { stock: 10 });
      const buyers = await Promise.all(Array.from({ length: 8 }, (_, i) => customer(`mall-coupon-race-${i}`, 100)));
      const results = await Promise.all(buyers.map((c) => redeem(c, { itemId: it.id, qty: 1 })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(2);
      const refused = results.filter((r) => r.status !== 200);
      expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(Array(6).fill([409, 'LIMIT_EXCEEDED']));
      expect(new Set(refused.map((r) => r.body.error.message))).toEqual(new Set(['优惠券「满 50 减 5」已发完']));
      const coupons = await t.ds.query('SELECT COUNT(*) AS n FROM coupon WHERE templateId = ?', [tpl]);
      expect(Number(coupons[0].n)).toBe(2);
      const balances = await Promise.all(buyers.map(balanceOf));
      expect(balances.filter((b) => b === 0)).toHaveLength(2);
      expect(balances.filter((b) => b === 100)).toHaveLength(6);
      expect(await mallStock(it.id)).toBe(8);
      const orders = await t.ds.query(`SELECT COUNT(*) AS n FROM shop_order WHERE customerId IN (${buyers.map((b) => b.id).join(',')})`);
      expect(Number(orders[0].n)).toBe(2);
      const late = await redeem(buyers[0], { itemId: it.id, qty: 1 }).expect(409);
      expect(late.body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: '优惠券「满 50 减 5」已发完' });
    });

    it('points + cash: nothing granted while unpaid nor when it expires; granted when paid', async () => {
      const tpl = await template();
      const it = await couponItem(tpl, { cashCents: 300 });
      const c = await customer('mall-coupon-cash', 500);
      const unpaid = (await redeem(c, { itemId: it.id, qty: 1 }).expect(200)).body;
      expect(unpaid).toMatchObject({ status: 'PENDING_PAYMENT', payableCents: 300 });
      expect(await usable(c)).toEqual([]);
      await setClock('2027-03-10T03:00:00.000Z');
      expect(await runJob('cancel-unpaid')).toMatchObject({ cancelled: 1 });
      expect(await usable(c)).toEqual([]);
      expect(await balanceOf(c)).toBe(500);
      await setClock('2027-03-10T02:00:00.000Z');

      const res = (await redeem(c, { itemId: it.id, qty: 1 }).expect(200)).body;
      const pay = await t.http().post(`/api/orders/${res.orderId}/pay`).set(c.auth).expect(200);
      await simPay(t, pay.body.params.package);
      await waitFor(async () => (await order(c, res.orderId)).status === 'COMPLETED');
      expect((await usable(c)).map((x) => x.templateId)).toEqual([tpl]);
      expect(await balanceOf(c)).toBe(400);
    });
  });
});
