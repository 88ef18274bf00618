import { addAddress, Auth, makeSku, placeAndPay, stockOf, waitFor } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** Return goods before the money for shipped orders, and failed WeChat refunds staff can retry. */
describe('after-sales on MariaDB with the WeChat simulator', () => {
  let t: TestApp;
  let alice: { id: number; auth: Auth };
  let bob: { id: number; auth: Auth };
  let aliceAddress: number;
  let staff: Auth;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    alice = await t.customer('alice-returns');
    bob = await t.customer('bob-returns');
    aliceAddress = await addAddress(t, alice.auth);
    staff = await t.staff();
  });
  afterAll(() => t.close());

  const order = async (id: number, who: Auth = alice.auth) => (await t.http().get(`/api/orders/${id}`).set(who).expect(200)).body;
  const simRefunds = async (outRefundNo: string) => {
    const state = await (await fetch(`${t.simUrl}/_sim/state`)).json();
    return state.refunds.filter((r: { out_refund_no: string }) => r.out_refund_no === outRefundNo) as { refund: number; status: string }[];
  };
  const shippedOrder = async (qty: number) => {
    const sku = await makeSku(t, { priceCents: 3000, stock: 10 });
    const id = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty }], aliceAddress);
    await t.http().post(`/api/admin/orders/${id}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF200' }).expect(200);
    return { id, sku, lineId: (await order(id)).lines[0].id as number };
  };

  it('takes shipped goods back before the money: approve → customer sends the parcel → staff confirm receipt → refunded', async () => {
    const { id, sku, lineId } = await shippedOrder(2);
    const asked = await t.http().post(`/api/orders/${id}/refunds`).set(alice.auth).send({ reason: '尺码不合适', lines: [{ orderLineId: lineId, qty: 1 }] }).expect(201);
    expect(asked.body).toMatchObject({ status: 'REQUESTED', amountCents: 3000, returnRequired: false, returnShipment: null });

    const approved = await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(staff).send({ note: '请寄回' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'AWAITING_RETURN', returnRequired: true, reviewNote: '请寄回' });
    expect(await simRefunds(asked.body.refundNo)).toEqual([]); // no money before the goods
    expect((await order(id)).actions).toEqual(['confirm']); // no second request while this one is open

    // refused steps: receipt before the parcel, someone else's refund, missing or blank fields
    const early = await t.http().post(`/api/admin/refunds/${asked.body.id}/receive`).set(staff).send({}).expect(409);
    expect(early.body.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('待寄回商品') });
    const returnUrl = `/api/orders/${id}/refunds/${asked.body.id}/return`;
    await t.http().post(returnUrl).set(bob.auth).send({ carrier: '顺丰', trackingNo: 'SF999' }).expect(404);
    const missing = await t.http().post(returnUrl).set(alice.auth).send({ carrier: '顺丰' }).expect(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请填写退货快递单号（最多 64 个字）' });
    const blank = await t.http().post(returnUrl).set(alice.auth).send({ carrier: '顺丰', trackingNo: '   ' }).expect(400);
    expect(blank.body.error.details.fields).toEqual([expect.objectContaining({ field: 'trackingNo' })]);
    await t.http().post(`/api/orders/${id + 1000}/refunds/${asked.body.id}/return`).set(alice.auth).send({ carrier: '顺丰', trackingNo: 'SF1' }).expect(404);
    expect((await order(id)).refunds[0].status).toBe('AWAITING_RETURN');

    const sent = await t.http().post(returnUrl).set(alice.auth).send({ carrier: ' 中通 ', trackingNo: 'ZT300' }).expect(200);
    expect(sent.body).toMatchObject({ status: 'RETURN_SHIPPED', returnShipment: { carrier: '中通', trackingNo: 'ZT300', shippedAt: expect.any(String) } });
    await t.http().post(returnUrl).set(alice.auth).send({ carrier: '中通', trackingNo: 'ZT301' }).expect(409);
    // approval cannot skip the receipt
    await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(staff).send({}).expect(409);
    const listed = await t.http().get('/api/admin/refunds?status=RETURN_SHIPPED').set(staff).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: asked.body.id, returnShipment: expect.objectContaining({ trackingNo: 'ZT300' }) })]);
    await t.http().post(`/api/admin/refunds/${asked.body.id}/receive`).set(await t.staff('operator', 'admin123')).send({}).expect(403);

    const received = await t.http().post(`/api/admin/refunds/${asked.body.id}/receive`).set(staff).send({}).expect(200);
    expect(received.body).toMatchObject({ returnReceivedAt: expect.any(String) });
    await t.http().post(`/api/admin/refunds/${asked.body.id}/receive`).set(staff).send({}).expect(409);
    await waitFor(async () => (await order(id)).refunds[0].status === 'REFUNDED');
    expect(await simRefunds(asked.body.refundNo)).toEqual([expect.objectContaining({ refund: 3000 })]);
    const after = await order(id);
    expect(after).toMatchObject({ status: 'SHIPPED', refundedCents: 3000, actions: ['confirm', 'refund'] });
    expect(after.lines[0]).toMatchObject({ refundedQty: 1, refundedCents: 3000 });
    expect(await stockOf(t, sku.id)).toBe(8); // shipped units do not return to stock by themselves
    const audit = await t.http().get(`/api/admin/audit-log?targetType=refund&targetId=${asked.body.id}`).set(staff).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['refund.receive-return', 'refund.approve']);
  });

  it('asks a completed order for the goods too, and lets staff refuse a return that never came', async () => {
    const { id } = await shippedOrder(1);
    await t.http().post(`/api/orders/${id}/confirm`).set(alice.auth).expect(201);
    const asked = await t.http().post(`/api/orders/${id}/refunds`).set(alice.auth).send({ reason: '质量问题' }).expect(201);
    const approved = await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(staff).send({}).expect(200);
    expect(approved.body.status).toBe('AWAITING_RETURN');
    await t.http().post(`/api/orders/${id}/refunds/${asked.body.id}/return`).set(alice.auth).send({ carrier: '圆通', trackingNo: 'YT1' }).expect(200);
    const rejected = await t.http().post(`/api/admin/refunds/${asked.body.id}/reject`).set(staff).send({ note: '未收到退货' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reviewNote: '未收到退货' });
    expect(await simRefunds(asked.body.refundNo)).toEqual([]);
    expect(await order(id)).toMatchObject({ status: 'COMPLETED', refundedCents: 0, actions: ['refund'] });
  });

  it('keeps the money-first flow for an order not shipped yet', async () => {
    const sku = await makeSku(t, { priceCents: 2000, stock: 5 });
    const id = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress);
    const asked = await t.http().post(`/api/orders/${id}/refunds`).set(alice.auth).send({ reason: '拍错了' }).expect(201);
    const approved = await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(staff).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', returnRequired: false });
    await t.http().post(`/api/orders/${id}/refunds/${asked.body.id}/return`).set(alice.auth).send({ carrier: '顺丰', trackingNo: 'SF1' }).expect(409);
    await waitFor(async () => (await order(id)).status === 'REFUNDED');
  });

  it('shows a refund WeChat refused, and a retry (even two at once) pays it exactly once', async () => {
    const sku = await makeSku(t, { priceCents: 4500, stock: 5 });
    const id = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress);
    const asked = await t.http().post(`/api/orders/${id}/refunds`).set(alice.auth).send({ reason: '不要了' }).expect(201);
    const payable = (await order(id)).payableCents;

    await fetch(`${t.simUrl}/_sim/refunds/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1 }) });
    await t.http().post(`/api/admin/refunds/${asked.body.id}/approve`).set(staff).send({}).expect(200);
    const failed = async () => (await t.http().get('/api/admin/refunds?status=APPROVED').set(staff).expect(200)).body.items.find((r: { id: number }) => r.id === asked.body.id);
    await waitFor(async () => (await failed())?.payoutError !== null);
    expect((await failed()).payoutError).toEqual({ message: '基本账户余额不足，请充值后重新发起（NOT_ENOUGH）', at: expect.any(String) });
    expect(await simRefunds(asked.body.refundNo)).toEqual([]);
    await t.http().post(`/api/admin/refunds/${asked.body.id}/retry`).set(await t.staff('operator', 'admin123')).expect(403);

    const retries = await Promise.all([1, 2].map(() => t.http().post(`/api/admin/refunds/${asked.body.id}/retry`).set(staff)));
    expect(retries.map((r) => r.status)).toEqual([200, 200]);
    await waitFor(async () => (await order(id)).refunds[0].status === 'REFUNDED');
    expect(await simRefunds(asked.body.refundNo)).toEqual([expect.objectContaining({ refund: payable, status: 'SUCCESS' })]);
    const after = await order(id);
    expect(after).toMatchObject({ status: 'REFUNDED', refundedCents: payable });
    expect(after.refunds[0].payoutError).toBeNull();
    const again = await t.http().post(`/api/admin/refunds/${asked.body.id}/retry`).set(staff).expect(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    await t.http().post('/api/admin/refunds/999999/retry').set(staff).expect(404);
  });
});
