import { withTx } from '../src/common/tx';
import { Order } from '../src/modules/order/entities/order.entity';
import { OrderEvents } from '../src/modules/order/order-events';
import { OrderLifecycle } from '../src/modules/order/order-lifecycle.service';
import { addAddress, makeSku, placeOrder, stockOf } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** docs/architecture.md, "Order events": who reacts to what, in which order, inside the order's transaction. */
describe('order events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lists every reaction, in the order the handlers run', () => {
    expect(t.app.get(OrderEvents).listing()).toEqual({
      paid: ['membership', 'points', 'points-mall', 'coupons', 'commission'],
      shipped: ['messages'],
      completed: ['tiers', 'points', 'commission'],
      cancelled: ['member-day', 'points', 'points-mall', 'coupons', 'payment'],
      refundApproved: ['membership', 'payment'],
      refunded: ['tiers', 'points', 'points-mall', 'coupons', 'commission'],
    });
  });

  it('a handler that fails rolls the whole transition back: status, history and stock', async () => {
    const buyer = await t.customer('events-failing-handler');
    const sku = await makeSku(t, { priceCents: 1000, stock: 5 });
    const placed = await placeOrder(t, buyer.auth, [{ skuId: sku.id, qty: 2 }], await addAddress(t, buyer.auth)).expect(201);
    const events = t.app.get(OrderEvents);
    const original = events.emit.bind(events);
    events.emit = (async (event: string, ...rest: unknown[]) => {
      if (event === 'cancelled') throw new Error('a reacting module failed');
      return (original as (...a: unknown[]) => Promise<void>)(event, ...rest);
    }) as typeof events.emit;
    try {
      await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(buyer.auth).expect(500);
    } finally {
      events.emit = original;
    }
    const order = await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id });
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(await stockOf(t, sku.id)).toBe(3);
    const detail = (await t.http().get(`/api/orders/${placed.body.id}`).set(buyer.auth).expect(200)).body;
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['PENDING_PAYMENT']);
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(buyer.auth).expect(201);
    expect(await stockOf(t, sku.id)).toBe(5);
  });

  it('every transition checks the state table, also the compare-and-set one (tryTransition)', async () => {
    const buyer = await t.customer('events-state-table');
    const sku = await makeSku(t, { priceCents: 1000, stock: 5 });
    const placed = await placeOrder(t, buyer.auth, [{ skuId: sku.id, qty: 1 }], await addAddress(t, buyer.auth)).expect(201);
    await t.http().post(`/api/orders/${placed.body.id}/cancel`).set(buyer.auth).expect(201);
    const cancelled = await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id });
    const lifecycle = t.app.get(OrderLifecycle);
    await expect(withTx(t.ds, (tx) => lifecycle.tryTransition(tx, cancelled, 'PAID', 'system', null))).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await t.ds.getRepository(Order).findOneByOrFail({ id: placed.body.id })).status).toBe('CANCELLED');
  });
});
