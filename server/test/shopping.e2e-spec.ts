import { Order } from '../src/modules/order/entities/order.entity';
import { Payment } from '../src/modules/payment/entities/payment.entity';
import { OrderStatusHistory } from '../src/modules/order/entities/order-status-history.entity';
import { Refund } from '../src/modules/order/entities/refund.entity';
import { OrderLifecycle } from '../src/modules/order/order-lifecycle.service';
import { addAddress, Auth, makeSku, placeAndPay, placeOrder, simPay, stockOf, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

describe('shopping end to end on MariaDB with the WeChat simulator', () => {
  let t: TestApp;
  let alice: { id: number; auth: Auth };
  let aliceAddress: number;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    alice = await t.customer('alice');
    aliceAddress = await addAddress(t, alice.auth);
    staff = await t.staff();
  });
  afterAll(() => t.close());

  it('walks cart → preview → order → pay → ship → confirm, with history', async () => {
    const sku = await makeSku(t, { priceCents: 4990, memberPriceCents: 4490, stock: 10 });
    const cart = await t.http().put('/api/cart/items').set(alice.auth).send({ skuId: sku.id, qty: 2 }).expect(200);
    expect(cart.body.items).toEqual([expect.objectContaining({ skuId: sku.id, qty: 2, available: true, unitPriceCents: 4990 })]);
    // 2 × 49.90 = 99.80 ≥ the 99.00 free-shipping threshold
    expect(cart.body.preview).toMatchObject({ goodsCents: 9980, shippingPaidCents: 0, payableCents: 9980, memberSavingsCents: 1000 });

    const preview = await t.http().post('/api/checkout/preview').set(alice.auth).send({ items: [{ skuId: sku.id, qty: 1 }] }).expect(200);
    expect(preview.body).toMatchObject({ goodsCents: 4990, shippingCents: 800, shippingPaidCents: 800, payableCents: 5790 });
    expect(preview.body.lines[0]).toMatchObject({ skuId: sku.id, title: expect.any(String), unitPriceCents: 4990, cashPaidCents: 4990 });

    const placed = await t.http().post('/api/orders').set(alice.auth).send({ items: [{ skuId: sku.id, qty: 2 }], addressId: aliceAddress, fromCart: true }).expect(201);
    expect(placed.body).toMatchObject({ id: expect.any(Number), status: 'PENDING_PAYMENT', payableCents: 9980, expiresAt: expect.any(String) });
    expect(await stockOf(t, sku.id)).toBe(8);
    expect((await t.http().get('/api/cart').set(alice.auth)).body.items).toEqual([]);

    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    expect(pay.body.paid).toBe(false);
    expect(pay.body.params).toEqual({ timeStamp: expect.any(String), nonceStr: expect.any(String), package: expect.stringMatching(/^prepay_id=/), signType: 'RSA', paySign: expect.any(String) });
    const again = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    expect(again.body.params.package).toBe(pay.body.params.package); // the live prepay is reused
    const delivered = await simPay(t, pay.body.params.package);
    expect(delivered.delivered[0].status).toBe(200);

    let detail = (await t.http().get(`/api/orders/${placed.body.id}`).set(alice.auth).expect(200)).body;
    expect(detail).toMatchObject({ status: 'PAID', payment: { status: 'SUCCESS' }, address: { name: '张三' }, actions: ['refund'] });

    await t.http().post(`/api/admin/orders/${placed.body.id}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF100' }).expect(200);
    detail = (await t.http().get(`/api/orders/${placed.body.id}`).set(alice.auth)).body;
    expect(detail).toMatchObject({ status: 'SHIPPED', shipment: { carrier: '顺丰', trackingNo: 'SF100' }, actions: ['confirm', 'refund'] });

    await t.http().post(`/api/orders/${placed.body.id}/confirm`).set(alice.auth).expect(201);
    detail = (await t.http().get(`/api/orders/${placed.body.id}`).set(alice.auth)).body;
    expect(detail.status).toBe('COMPLETED');
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED']);
    expect(detail.history[1]).toMatchObject({ actor: 'wechat', reason: expect.stringContaining('微信支付成功') });
    expect(detail.history[3].reason).toBe('买家确认收货');

    const list = await t.http().get('/api/orders?status=COMPLETED').set(alice.auth).expect(200);
    expect(list.body.items.map((o: { id: number }) => o.id)).toContain(placed.body.id);
  });

  it('says why a cart line cannot be bought', async () => {
    const c = await t.customer('cart-reasons');
    const gone = await makeSku(t, { priceCents: 1000, stock: 5 });
    const scarce = await makeSku(t, { priceCents: 1000, stock: 5 });
    await t.http().put('/api/cart/items').set(c.auth).send({ skuId: gone.id, qty: 1 }).expect(200);
    await t.http().put('/api/cart/items').set(c.auth).send({ skuId: scarce.id, qty: 5 }).expect(200);
    await t.ds.query('UPDATE product SET onShelf = 0 WHERE id = ?', [gone.productId]);
    await t.ds.query('UPDATE sku SET stock = 2 WHERE id = ?', [scarce.id]);
    const cart = (await t.http().get('/api/cart').set(c.auth).expect(200)).body;
    const reason = (skuId: number) => cart.items.find((i: { skuId: number }) => i.skuId === skuId);
    expect(reason(gone.id)).toMatchObject({ available: false, unavailableReason: 'OFF_SHELF' });
    expect(reason(scarce.id)).toMatchObject({ available: false, unavailableReason: 'OUT_OF_STOCK', stock: 2 });
    expect(cart.preview).toBeNull();
    const tooMany = await t.http().put('/api/cart/items').set(c.auth).send({ skuId: scarce.id, qty: 3 }).expect(409);
    expect(tooMany.body.error).toEqual({ code: 'OUT_OF_STOCK', message: '库存仅剩 2 件', details: { skuId: scarce.id, stock: 2 } });
    const offShelf = await t.http().put('/api/cart/items').set(c.auth).send({ skuId: gone.id, qty: 2 }).expect(409);
    expect(offShelf.body.error).toEqual({ code: 'INVALID_STATE', message: expect.stringMatching(/^「.+」已下架$/), details: { skuId: gone.id } });
  });

  it('sells exactly 20 units to 60 buyers at once: 20 orders, 40 × 409 OUT_OF_STOCK, stock 0', async () => {
    const sku = await makeSku(t, { priceCents: 1000, stock: 20 });
    const buyers = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
      const c = await t.customer(`buyer${i}`);
      return { auth: c.auth, addressId: await addAddress(t, c.auth) };
    }));
    const count = async (table: string) => Number((await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const before = { orders: await count('shop_order'), history: await count('order_status_history'), adjustments: await count('order_adjustment') };
    const results = await Promise.all(buyers.map((b) => placeOrder(t, b.auth, [{ skuId: sku.id, qty: 1 }], b.addressId)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await stockOf(t, sku.id)).toBe(0);
    const rows = await t.ds.query('SELECT COUNT(*) AS n FROM order_line WHERE skuId = ?', [sku.id]);
    expect(Number(rows[0].n)).toBe(20);
    // stock is taken last in the placement transaction: the 40 refused orders' rows were rolled back
    expect(await count('shop_order')).toBe(before.orders + 20);
    expect(await count('order_status_history')).toBe(before.history + 20);
    const placedIds = results.filter((r) => r.status === 201).map((r) => Number(r.body.id));
    const [{ n: ownAdjustments }] = await t.ds.query(`SELECT COUNT(*) AS n FROM order_adjustment WHERE orderId IN (${placedIds.join(',')})`);
    expect(await count('order_adjustment')).toBe(before.adjustments + Number(ownAdjustments));
  });

  it('pays once for five replays and two concurrent notifications', async () => {
    const sku = await makeSku(t, { priceCents: 12000, stock: 5 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    const replays = await simPay(t, pay.body.params.package, { times: 5 });
    expect(replays.delivered.map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    const concurrent = await simPay(t, pay.body.params.package, { times: 2, concurrent: true });
    expect(concurrent.delivered.map((d) => d.status)).toEqual([200, 200]);
    const paidRows = await t.ds.getRepository(OrderStatusHistory).countBy({ orderId: placed.body.id, toStatus: 'PAID' });
    expect(paidRows).toBe(1);
    expect(await t.ds.getRepository(Payment).countBy({ orderId: placed.body.id })).toBe(1);
    const paidAgain = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(409);
    expect(paidAgain.body.error).toEqual({ code: 'INVALID_STATE', message: '订单状态为「待发货」，无法支付' });
    await t.http().post(`/api/orders/${placed.body.id}/confirm`).set(alice.auth).expect(201);
    const twice = await t.http().post(`/api/orders/${placed.body.id}/confirm`).set(alice.auth).expect(409);
    expect(twice.body.error).toEqual({ code: 'INVALID_STATE', message: '订单已经是「已完成」状态' });
    const cancelDone = await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(alice.auth).expect(409);
    expect(cancelDone.body.error).toEqual({ code: 'INVALID_STATE', message: '订单状态为「已完成」，只有待付款的订单可以取消' });
  });

  it('rejects tampered notifications and changes nothing', async () => {
    const sku = await makeSku(t, { priceCents: 3000, stock: 5 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    for (const tamper of ['signature', 'timestamp', 'amount'] as const) {
      const res = await simPay(t, pay.body.params.package, { tamper });
      expect(res.delivered[0].status).toBeGreaterThanOrEqual(400);
    }
    expect((await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id })).status).toBe('PENDING_PAYMENT');
    expect((await t.ds.getRepository(Payment).findOneByOrFail({ orderId: placed.body.id })).status).toBe('CREATED');
  });

  it("hides another customer's order (404) and never trusts a price from the client (400)", async () => {
    const sku = await makeSku(t, { priceCents: 2000, stock: 5 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    const mallory = await t.customer('mallory');
    for (const req of [
      t.http().get(`/api/orders/${placed.body.id}`),
      t.http().post(`/api/orders/${placed.body.id}/pay`),
      t.http().post(`/api/orders/${placed.body.id}/cancel`),
    ]) {
      const res = await req.set(mallory.auth).expect(404);
      expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: '订单不存在' });
    }
    await t.http().post(`/api/orders/${placed.body.id}/refunds`).set(mallory.auth).send({ reason: 'x' }).expect(404);
    // someone else's address cannot be shipped to either
    await placeOrder(t, mallory.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(404);
    await t.http().put(`/api/addresses/${aliceAddress}`).set(mallory.auth).send({ name: 'x' }).expect(404);
    const cheat = await t.http().post('/api/orders').set(alice.auth).send({ items: [{ skuId: sku.id, qty: 1, priceCents: 1 }], addressId: aliceAddress }).expect(400);
    expect(cheat.body.error.message).toBe('items.0.priceCents: 不允许提交此字段');
    expect(cheat.body.error.details.fields).toEqual([{ field: 'items.0.priceCents', problems: ['不允许提交此字段'] }]);
    await t.http().post('/api/orders').set(alice.auth).send({ items: [{ skuId: sku.id, qty: 1 }], addressId: aliceAddress, payableCents: 1 }).expect(400);
  });

  it('cancelling returns stock; paying a cancelled order is a 409', async () => {
    const sku = await makeSku(t, { priceCents: 2500, stock: 3 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 2 }], aliceAddress).expect(201);
    expect(await stockOf(t, sku.id)).toBe(1);
    await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    const cancelled = await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(alice.auth).expect(201);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(await stockOf(t, sku.id)).toBe(3);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(409);
    expect(pay.body.error).toEqual({ code: 'INVALID_STATE', message: '订单状态为「已取消」，无法支付' });
    const again = await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(alice.auth).expect(409);
    expect(again.body.error).toEqual({ code: 'INVALID_STATE', message: '订单状态为「已取消」，只有待付款的订单可以取消' });
  });

  it('keeps a product page cached through sales and cancels; its stock catches up within the cache TTL (2 s)', async () => {
    const sku = await makeSku(t, { priceCents: 1500, stock: 10 });
    const page = `/api/products/${sku.productId}`;
    const before = await t.http().get(page).expect(200);
    expect(before.body.skus[0].stock).toBe(10);
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 3 }], aliceAddress).expect(201);
    await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(alice.auth).expect(201);
    // still the cached page: a popular SKU's sales must not send every viewer to the database
    await t.http().get(page).set('If-None-Match', before.headers.etag).expect(304);
    await new Promise((r) => setTimeout(r, 2_100));
    const after = await t.http().get(page).expect(200);
    expect(after.body.skus[0].stock).toBe(9);
    expect(await stockOf(t, sku.id)).toBe(9);
  });

  it('returns the first result for a repeated Idempotency-Key and creates one order', async () => {
    const sku = await makeSku(t, { priceCents: 1500, stock: 10 });
    const key = 'order-key-1';
    const [a, b] = await Promise.all([
      placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress, key),
      placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress, key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await stockOf(t, sku.id)).toBe(9);
    const other = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 2 }], aliceAddress, key).expect(409);
    expect(other.body.error).toEqual({ code: 'IDEMPOTENCY_CONFLICT', message: expect.stringContaining('已用于另一笔不同的请求') });
  });

  it('refunds part of an order to the fen, then the rest, with stock back for unshipped goods', async () => {
    const tea = await makeSku(t, { priceCents: 2333, stock: 10 });
    const nuts = await makeSku(t, { priceCents: 1000, stock: 10 });
    const bob = await t.customer('bob-refund');
    const bobAddress = await addAddress(t, bob.auth);
    const orderId = await placeAndPay(t, bob.auth, [{ skuId: tea.id, qty: 3 }, { skuId: nuts.id, qty: 1 }], bobAddress);
    const detail = (await t.http().get(`/api/orders/${orderId}`).set(bob.auth)).body;
    expect(detail.status).toBe('PAID');
    expect(detail.payableCents).toBe(6999 + 1000 + 800); // 3 × 23.33 + 10.00, below the 99.00 free-shipping threshold
    const teaLine = detail.lines.find((l: { skuId: number }) => l.skuId === tea.id);

    const partial = await t.http().post(`/api/orders/${orderId}/refunds`).set(bob.auth).send({ reason: '买多了', lines: [{ orderLineId: teaLine.id, qty: 2 }] }).expect(201);
    // two of three units of a 69.99 line: floor(6999 × 2 / 3) = 46.66
    expect(partial.body).toMatchObject({ status: 'REQUESTED', amountCents: 4666, shippingCents: 0 });
    // one refund at a time
    const again = await t.http().post(`/api/orders/${orderId}/refunds`).set(bob.auth).send({ reason: 'again' }).expect(409);
    expect(again.body.error).toEqual({ code: 'INVALID_STATE', message: '该订单已有退款正在处理中' });
    await t.http().post(`/api/admin/refunds/${partial.body.id}/approve`).set(staff).send({}).expect(200);
    await waitFor(async () => (await t.http().get(`/api/orders/${orderId}`).set(bob.auth)).body.refunds[0].status === 'REFUNDED');
    expect(await stockOf(t, tea.id)).toBe(9);
    let after = (await t.http().get(`/api/orders/${orderId}`).set(bob.auth)).body;
    expect(after).toMatchObject({ status: 'PAID', refundedCents: 4666 });
    // partly refunded: still PAID, and an after-sale order (the 售后 tab asks ?afterSale=true, not ?status=REFUNDED)
    expect((await t.http().get('/api/orders?afterSale=true').set(bob.auth).expect(200)).body.items.map((o: { id: number }) => o.id)).toEqual([orderId]);
    expect((await t.http().get('/api/orders?status=REFUNDED').set(bob.auth).expect(200)).body.items).toEqual([]);

    // the rest: the last tea unit carries the remainder, plus nuts and the shipping of an unshipped order
    const rest = await t.http().post(`/api/orders/${orderId}/refunds`).set(bob.auth).send({ reason: '不要了' }).expect(201);
    expect(rest.body.amountCents).toBe(2333 + 1000 + 800);
    await t.http().post(`/api/admin/refunds/${rest.body.id}/approve`).set(staff).send({ note: 'ok' }).expect(200);
    await waitFor(async () => (await t.http().get(`/api/orders/${orderId}`).set(bob.auth)).body.status === 'REFUNDED');
    after = (await t.http().get(`/api/orders/${orderId}`).set(bob.auth)).body;
    expect(after.refundedCents).toBe(after.payableCents);
    expect(await stockOf(t, tea.id)).toBe(10);
    expect(await stockOf(t, nuts.id)).toBe(10);
    const afterSale = await t.http().get('/api/orders?afterSale=true').set(bob.auth).expect(200);
    expect(afterSale.body.items.map((o: { id: number }) => o.id)).toEqual([orderId]);
    const adminRefunds = await t.http().get('/api/admin/refunds?status=REFUNDED').set(staff).expect(200);
    expect(adminRefunds.body.items.find((r: { orderId: number }) => r.orderId === orderId).lines[0]).toMatchObject({ title: expect.stringContaining('测试商品'), qty: expect.any(Number) });
    const audit = await t.http().get('/api/admin/audit-log?targetType=refund').set(staff).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['refund.approve', 'refund.approve']);
  });

  it('lets staff reject a refund with a note', async () => {
    const sku = await makeSku(t, { priceCents: 5000, stock: 5 });
    const orderId = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress);
    const refund = await t.http().post(`/api/orders/${orderId}/refunds`).set(alice.auth).send({ reason: '不想要' }).expect(201);
    await t.http().post(`/api/admin/refunds/${refund.body.id}/reject`).set(staff).send({}).expect(400);
    const rejected = await t.http().post(`/api/admin/refunds/${refund.body.id}/reject`).set(staff).send({ note: '已发货' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reviewNote: '已发货' });
    const twice = await t.http().post(`/api/admin/refunds/${refund.body.id}/approve`).set(staff).send({}).expect(409);
    expect(twice.body.error).toEqual({ code: 'INVALID_STATE', message: '这笔退款当前为「已拒绝」，不能再审核' });
    const listed = await t.http().get('/api/admin/refunds?status=REJECTED').set(staff).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: refund.body.id, orderNo: expect.any(String) });
    await t.http().get('/api/admin/refunds').set(await t.staff('operator', 'admin123')).expect(403);
  });

  it('cancels unpaid orders after 15 minutes and completes shipped ones after 10 days (dev clock + jobs)', async () => {
    const sku = await makeSku(t, { priceCents: 1800, stock: 4 });
    const unpaid = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 2 }], aliceAddress).expect(201);
    const shippedId = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress);
    await t.http().post(`/api/admin/orders/${shippedId}/ship`).set(staff).send({ carrier: '中通', trackingNo: 'ZT1' }).expect(200);
    expect(await stockOf(t, sku.id)).toBe(1);

    await t.http().post('/api/dev/clock').send({ now: new Date(Date.now() + 16 * 60_000).toISOString() }).expect(200);
    const cancel = await t.http().post('/api/dev/jobs/run').send({ name: 'cancel-unpaid' }).expect(200);
    expect(cancel.body.result.cancelled).toBeGreaterThanOrEqual(1);
    expect((await t.http().get(`/api/orders/${unpaid.body.id}`).set(alice.auth)).body.status).toBe('CANCELLED');
    expect(await stockOf(t, sku.id)).toBe(3);

    await t.http().post('/api/dev/clock').send({ now: new Date(Date.now() + 11 * 24 * 3600_000).toISOString() }).expect(200);
    await t.http().post('/api/dev/jobs/run').send({ name: 'auto-confirm' }).expect(200);
    const done = (await t.http().get(`/api/orders/${shippedId}`).set(alice.auth)).body;
    expect(done.status).toBe('COMPLETED');
    expect(done.history.at(-1)).toMatchObject({ to: 'COMPLETED', actor: 'system' });
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });

  it('refunds a payment whose order was cancelled between reading it and settling it', async () => {
    const sku = await makeSku(t, { priceCents: 2600, stock: 2 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    // the notification's handler read the order as PENDING_PAYMENT; a cancellation commits before its compare-and-set
    const lifecycle = t.app.get(OrderLifecycle);
    const original = lifecycle.tryTransition.bind(lifecycle);
    const race = jest.spyOn(lifecycle, 'tryTransition').mockImplementationOnce(async (em, order, ...rest) => {
      await t.ds.query("UPDATE shop_order SET status = 'CANCELLED' WHERE id = ?", [order.id]);
      return original(em, order, ...rest);
    });
    try {
      const sim = await simPay(t, pay.body.params.package);
      expect(sim.delivered[0].status).toBe(200);
    } finally {
      race.mockRestore();
    }
    expect((await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id })).status).toBe('CANCELLED');
    expect(await t.ds.getRepository(OrderStatusHistory).countBy({ orderId: placed.body.id, toStatus: 'PAID' })).toBe(0);
    await waitFor(async () => (await t.ds.getRepository(Refund).findOneBy({ orderId: placed.body.id }))?.status === 'REFUNDED');
    const refund = await t.ds.getRepository(Refund).findOneByOrFail({ orderId: placed.body.id });
    expect(refund.amountCents).toBe(placed.body.payableCents);
  });

  it('settles a payment whose notification never came by asking WeChat', async () => {
    const sku = await makeSku(t, { priceCents: 2200, stock: 2 });
    const placed = await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201);
    const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(alice.auth).expect(200);
    // the customer pays, but the notification is lost
    await fetch(`${t.simUrl}/_sim/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prepayId: pay.body.params.package.replace('prepay_id=', ''), times: 0 }) });
    expect((await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id })).status).toBe('PENDING_PAYMENT');
    await t.http().post('/api/dev/clock').send({ now: new Date(Date.now() + 16 * 60_000).toISOString() }).expect(200);
    const job = await t.http().post('/api/dev/jobs/run').send({ name: 'cancel-unpaid' }).expect(200);
    expect(job.body.result.paid).toBeGreaterThanOrEqual(1);
    expect((await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id })).status).toBe('PAID');
    await t.http().post('/api/dev/clock').send({ now: null }).expect(200);
  });
});

