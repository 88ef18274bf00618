import { withTx } from '../src/common/tx';
import { PaymentService } from '../src/modules/payment/payment.service';
import { PointsService } from '../src/modules/points/points.service';
import { addAddress, Auth, makeSku, simPay, stockOf, waitFor } from './support/shop';
import { pointsKit } from './support/points';
import { expectLedgersBalanced } from './support/ledgers';
import { raceAfterPricing } from './support/race';
import { createTestApp, TestApp } from './support/test-app';

type Customer = { id: number; auth: Auth };

describe('spending points at checkout on MariaDB: preview, placement race, cancel and refund returns', () => {
  let t: TestApp;
  let staff: Auth;
  const touched = new Set<number>();

  const { setClock, runJob, balanceOf, order, ledgerOf, refund } = pointsKit(
    () => t,
    () => staff,
  );
  const preview = (c: Customer, items: { skuId: number; qty: number }[], usePoints?: boolean) =>
    t.http().post('/api/checkout/preview').set(c.auth).send({ items, ...(usePoints === undefined ? {} : { usePoints }) }).expect(200);
  const place = (c: Customer, items: { skuId: number; qty: number }[], addressId: number, usePoints = true) =>
    t.http().post('/api/orders').set(c.auth).send({ items, addressId, usePoints });
  const linesOf = async (orderId: number): Promise<{ id: number; qty: number; pointsCents: number; cashPaidCents: number }[]> =>
    (await t.ds.query('SELECT id, qty, pointsCents, cashPaidCents FROM order_line WHERE orderId = ? ORDER BY id', [orderId])).map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      qty: Number(r.qty),
      pointsCents: Number(r.pointsCents),
      cashPaidCents: Number(r.cashPaidCents),
    }));

  async function customer(openid: string, points = 0): Promise<Customer & { address: number }> {
    const c = await t.customer(openid);
    touched.add(c.id);
    if (points > 0) {
      await withTx(t.ds, (tx) => t.app.get(PointsService).post(tx, { customerId: c.id, delta: points, kind: 'ADJUST', dedupeKey: `test:grant:${c.id}`, memo: '测试发放' }));
    }
    return { ...c, address: await addAddress(t, c.auth) };
  }

  async function pay(c: Customer, orderId: number) {
    const res = await t.http().post(`/api/orders/${orderId}/pay`).set(c.auth).expect(200);
    await simPay(t, res.body.params.package);
    await waitFor(async () => (await order(c, orderId)).status === 'PAID');
  }

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

  it('preview with usePoints spends min(balance, 50 % of goods) at 100 points = 1 yuan; the order and the ledger match it; the cart spends none', async () => {
    const c = await customer('spend-preview', 3000);
    const sku = await makeSku(t, { priceCents: 5000, stock: 10 });
    const items = [{ skuId: sku.id, qty: 1 }];

    const without = (await preview(c, items)).body;
    expect(without).toMatchObject({ pointsUsed: 0, pointsValueCents: 0, payableCents: 5000 + 800 });
    expect((await preview(c, items, false)).body.pointsUsed).toBe(0);

    // 3000 points, but at most 50 % of 50 yuan: 2500 points = 25 yuan
    const capped = (await preview(c, items, true)).body;
    expect(capped).toMatchObject({ goodsCents: 5000, pointsUsed: 2500, pointsValueCents: 2500, payableCents: 2500 + 800 });
    expect(capped.adjustments).toContainEqual(expect.objectContaining({ kind: 'POINTS', amountCents: -2500 }));
    expect(capped.pointsUsed).toBeLessThanOrEqual(3000);
    expect(capped.pointsValueCents).toBeLessThanOrEqual(capped.goodsCents / 2);

    // the balance is the limit when it is the smaller one
    const big = await makeSku(t, { priceCents: 20000, stock: 10 });
    expect((await preview(c, [{ skuId: big.id, qty: 1 }], true)).body).toMatchObject({ pointsUsed: 3000, pointsValueCents: 3000, payableCents: 17000 });

    // the cart prices without points, whatever the balance
    await t.http().put('/api/cart/items').set(c.auth).send({ skuId: sku.id, qty: 1 }).expect(200);
    expect((await t.http().get('/api/cart').set(c.auth).expect(200)).body.preview).toMatchObject({ pointsUsed: 0, pointsValueCents: 0, payableCents: 5800 });

    const placed = await place(c, items, c.address).expect(201);
    expect(placed.body.payableCents).toBe(capped.payableCents);
    const detail = await order(c, placed.body.id);
    expect(detail).toMatchObject({ pointsUsed: 2500, pointsValueCents: 2500, payableCents: 3300 });
    expect((await linesOf(placed.body.id)).reduce((s, l) => s + l.pointsCents, 0)).toBe(2500);
    expect(await ledgerOf(c.id)).toEqual([
      expect.objectContaining({ kind: 'ADJUST', delta: 3000 }),
      expect.objectContaining({ kind: 'SPEND', delta: -2500, balanceAfter: 500, orderId: placed.body.id, dedupeKey: `spend:order:${placed.body.id}` }),
    ]);
    expect(await balanceOf(c)).toBe(500);
    expect((await t.http().get('/api/points/ledger').set(c.auth).expect(200)).body.items[0]).toMatchObject({ kind: 'SPEND', delta: -2500, orderId: placed.body.id });

    // an idempotent replay of the placement spends nothing more
    const key = 'spend-preview-replay';
    const first = await t.http().post('/api/orders').set(c.auth).set('Idempotency-Key', key).send({ items, addressId: c.address, usePoints: true }).expect(201);
    const again = await t.http().post('/api/orders').set(c.auth).set('Idempotency-Key', key).send({ items, addressId: c.address, usePoints: true }).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await order(c, first.body.id)).pointsUsed).toBe(500);
    expect(await balanceOf(c)).toBe(0);
  });

  it('five parallel orders each wanting all the points: one spends them, the others are 409 INSUFFICIENT_POINTS with no order and no stock taken', async () => {
    const c = await customer('spend-race', 1000);
    const sku = await makeSku(t, { priceCents: 4000, stock: 10 });
    const items = [{ skuId: sku.id, qty: 1 }];
    expect((await preview(c, items, true)).body.pointsUsed).toBe(1000);

    // every request prices (reads the balance of 1000) before any of them goes on to spend
    const results = await raceAfterPricing(t, 5, () => place(c, items, c.address));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect([ok.length, refused.length]).toEqual([1, 4]);
    for (const r of refused) expect(r.body.error.code).toBe('INSUFFICIENT_POINTS');

    expect((await order(c, ok[0].body.id)).pointsUsed).toBe(1000);
    expect(await stockOf(t, sku.id)).toBe(9);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM shop_order WHERE customerId = ?', [c.id]);
    expect(Number(n)).toBe(1);
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta, e.orderId])).toEqual([
      ['ADJUST', 1000, null],
      ['SPEND', -1000, ok[0].body.id],
    ]);
    expect(await balanceOf(c)).toBe(0);
  });

  it('a customer cancel returns the points once; a payment arriving after the cancel is refunded as cash without returning them again', async () => {
    const c = await customer('spend-cancel', 1500);
    const sku = await makeSku(t, { priceCents: 4000, stock: 5 });
    const placed = await place(c, [{ skuId: sku.id, qty: 1 }], c.address).expect(201);
    expect(await balanceOf(c)).toBe(0); // 1500 of a 2000 cap
    // the customer opens the cashier, and the close after the cancel does not reach WeChat
    const prepay = (await t.http().post(`/api/orders/${placed.body.id}/pay`).set(c.auth).expect(200)).body.params.package;
    const close = jest.spyOn(t.app.get(PaymentService), 'closeAtWechat').mockResolvedValue(undefined);
    try {
      await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(c.auth).expect(201);
    } finally {
      close.mockRestore();
    }
    expect(await balanceOf(c)).toBe(1500);
    expect(await stockOf(t, sku.id)).toBe(5);
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(c.auth).expect(409);

    // the customer pays the still-open transaction: the money goes straight back, the points stay where they are
    await simPay(t, prepay);
    await waitFor(async () => (await order(c, placed.body.id)).refunds.some((r: { status: string }) => r.status === 'REFUNDED'));
    const done = await order(c, placed.body.id);
    expect(done.status).toBe('CANCELLED');
    expect(done.refunds).toEqual([expect.objectContaining({ amountCents: placed.body.payableCents, status: 'REFUNDED' })]);
    expect(await balanceOf(c)).toBe(1500);
    expect((await ledgerOf(c.id)).map((e) => [e.kind, e.delta, e.dedupeKey])).toEqual([
      ['ADJUST', 1500, `test:grant:${c.id}`],
      ['SPEND', -1500, `spend:order:${placed.body.id}`],
      ['REVERSE', 1500, `return:order:${placed.body.id}`],
    ]);
  });

  it('the cancel-unpaid job (dev clock) returns the points of an order left unpaid, once', async () => {
    await setClock('2027-03-11T02:00:00.000Z');
    const c = await customer('spend-timeout', 800);
    const sku = await makeSku(t, { priceCents: 3000, stock: 5 });
    const placed = await place(c, [{ skuId: sku.id, qty: 1 }], c.address).expect(201);
    expect((await order(c, placed.body.id)).pointsUsed).toBe(800);
    expect(await balanceOf(c)).toBe(0);

    await setClock('2027-03-11T02:14:00.000Z');
    await runJob('cancel-unpaid');
    expect((await order(c, placed.body.id)).status).toBe('PENDING_PAYMENT');
    expect(await balanceOf(c)).toBe(0);

    await setClock('2027-03-11T02:16:00.000Z');
    const jobs = await Promise.all([runJob('cancel-unpaid'), runJob('cancel-unpaid')]);
    expect(jobs.reduce((s, j) => s + j.cancelled, 0)).toBeGreaterThanOrEqual(1);
    expect((await order(c, placed.body.id)).status).toBe('CANCELLED');
    await runJob('cancel-unpaid');
    expect(await balanceOf(c)).toBe(800);
    expect(await stockOf(t, sku.id)).toBe(5);
    expect((await ledgerOf(c.id)).filter((e) => e.kind === 'REVERSE')).toEqual([
      expect.objectContaining({ delta: 800, orderId: placed.body.id, dedupeKey: `return:order:${placed.body.id}` }),
    ]);
    await setClock('2027-03-10T02:00:00.000Z');
  });

  it('partial refunds return the spent points by the refunded units and the full refund the rest, exactly pointsUsed in all, beside the reversal of what was earned', async () => {
    const c = await customer('spend-refund', 10_000);
    const a = await makeSku(t, { priceCents: 3333, stock: 10 });
    const b = await makeSku(t, { priceCents: 5000, stock: 10 });
    const placed = await place(c, [{ skuId: a.id, qty: 3 }, { skuId: b.id, qty: 1 }], c.address).expect(201);
    const orderId = placed.body.id as number;
    let detail = await order(c, orderId);
    // goods 149.99 yuan: at most floor(14999 × 50 %) = 7499 fen of points
    expect(detail).toMatchObject({ goodsCents: 14999, pointsUsed: 7499, pointsValueCents: 7499, payableCents: 7500, shippingCents: 800 });
    expect(await balanceOf(c)).toBe(10_000 - 7499);
    await pay(c, orderId);
    await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF-spend' }).expect(200);
    await t.http().post(`/api/orders/${orderId}/confirm`).set(c.auth).expect(201);
    detail = await order(c, orderId);
    expect(detail.pointsToEarn).toBe(75); // on the 75 yuan of cash
    expect(await balanceOf(c)).toBe(10_000 - 7499 + 75);

    const lines = await linesOf(orderId);
    const [lineA, lineB] = lines;
    expect(lineA.pointsCents + lineB.pointsCents).toBe(7499);
    const unitsValue = (line: { pointsCents: number; qty: number }, n: number) => Math.floor((line.pointsCents * n) / line.qty);
    const returns = () => ledgerOf(c.id).then((l) => l.filter((e) => e.dedupeKey.startsWith('return:refund:')));
    const reversals = () => ledgerOf(c.id).then((l) => l.filter((e) => e.dedupeKey.startsWith('reverse:refund:')));

    const r1 = await refund(c, orderId, [{ orderLineId: lineA.id, qty: 1 }]);
    expect(await returns()).toEqual([expect.objectContaining({ kind: 'REVERSE', delta: unitsValue(lineA, 1), orderId, dedupeKey: `return:refund:${r1.id}` })]);
    const r2 = await refund(c, orderId, [{ orderLineId: lineA.id, qty: 1 }]);
    expect((await returns()).map((e) => [e.delta, e.dedupeKey])).toEqual([
      [unitsValue(lineA, 1), `return:refund:${r1.id}`],
      [unitsValue(lineA, 2) - unitsValue(lineA, 1), `return:refund:${r2.id}`],
    ]);
    const r3 = await refund(c, orderId); // the rest: one unit of A and the B line
    const back = await returns();
    expect(back.map((e) => e.dedupeKey)).toEqual([`return:refund:${r1.id}`, `return:refund:${r2.id}`, `return:refund:${r3.id}`]);
    expect(back[2].delta).toBe(lineA.pointsCents - unitsValue(lineA, 2) + lineB.pointsCents);
    expect(back.reduce((s, e) => s + e.delta, 0)).toBe(7499);
    // what the order earned went back too, in total exactly
    expect((await reversals()).reduce((s, e) => s + e.delta, 0)).toBe(-75);
    expect(await balanceOf(c)).toBe(10_000);
    expect(r1.amountCents + r2.amountCents + r3.amountCents).toBe(7500);
  });

  it('usePoints with a zero balance spends nothing and places the order as usual', async () => {
    const c = await customer('spend-none');
    const sku = await makeSku(t, { priceCents: 2000, stock: 3 });
    expect((await preview(c, [{ skuId: sku.id, qty: 1 }], true)).body).toMatchObject({ pointsUsed: 0, pointsValueCents: 0, payableCents: 2800 });
    const placed = await place(c, [{ skuId: sku.id, qty: 1 }], c.address).expect(201);
    expect(await order(c, placed.body.id)).toMatchObject({ pointsUsed: 0, pointsValueCents: 0, payableCents: 2800 });
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(c.auth).expect(201);
    expect(await ledgerOf(c.id)).toEqual([]);
    expect(await balanceOf(c)).toBe(0);
  });

  it('points cannot pay a whole order under the default rules: at most 50 % of the goods', async () => {
    const c = await customer('spend-all', 100_000);
    const sku = await makeSku(t, { priceCents: 1, stock: 3 });
    // one fen of goods: half a fen is no whole fen, so nothing is spent
    expect((await preview(c, [{ skuId: sku.id, qty: 1 }], true)).body).toMatchObject({ pointsUsed: 0, payableCents: 801 });
    const big = await makeSku(t, { priceCents: 12_000, stock: 3 });
    expect((await preview(c, [{ skuId: big.id, qty: 1 }], true)).body).toMatchObject({ pointsUsed: 6000, payableCents: 6000 });
  });

  it('every balance equals the sum of its ledger, and every balanceAfter the running sum', async () => {
    for (const id of touched) {
      const ledger = await ledgerOf(id);
      const [row] = await t.ds.query('SELECT balance FROM points_account WHERE customerId = ?', [id]);
      expect([id, Number(row?.balance ?? 0)]).toEqual([id, ledger.reduce((s, e) => s + e.delta, 0)]);
      let running = 0;
      for (const e of ledger) {
        running += e.delta;
        expect(e.balanceAfter).toBe(running);
      }
    }
  });
});
