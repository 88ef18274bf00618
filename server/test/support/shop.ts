import { Product } from '../../src/modules/catalog/entities/product.entity';
import { Sku } from '../../src/modules/catalog/entities/sku.entity';
import type { TestApp } from './test-app';

export type Auth = { Authorization: string };

export const ADDRESS = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' };

export async function addAddress(t: TestApp, auth: Auth): Promise<number> {
  const res = await t.http().post('/api/addresses').set(auth).send(ADDRESS).expect(201);
  return res.body.id;
}

/** A product with one SKU made for the test, so stock and prices are known. */
export async function makeSku(t: TestApp, opts: { priceCents: number; memberPriceCents?: number | null; stock: number; title?: string }): Promise<Sku> {
  const now = new Date();
  const product = await t.ds.getRepository(Product).save({
    categoryId: 1,
    title: opts.title ?? `测试商品 ${Math.random().toString(36).slice(2, 7)}`,
    subtitle: '',
    coverUrl: '/api/media/placeholder/test.svg',
    images: [],
    description: '',
    onShelf: true,
    memberOnly: false,
    sort: 0,
    priceCents: opts.priceCents,
    memberPriceCents: opts.memberPriceCents ?? null,
    memberDayPriceCents: null,
    createdAt: now,
    updatedAt: now,
  });
  return t.ds.getRepository(Sku).save({
    productId: product.id,
    specs: { 规格: '标准' },
    priceCents: opts.priceCents,
    memberPriceCents: opts.memberPriceCents ?? null,
    memberDayPriceCents: null,
    stock: opts.stock,
    weightGrams: 100,
    active: true,
  });
}

export async function stockOf(t: TestApp, skuId: number): Promise<number> {
  return (await t.ds.getRepository(Sku).findOneByOrFail({ id: skuId })).stock;
}

/** Plays the customer paying in WeChat: the simulator sends the signed notification. */
export async function simPay(t: TestApp, pkg: string, opts: { times?: number; concurrent?: boolean; tamper?: 'signature' | 'amount' | 'timestamp'; paidAt?: string } = {}) {
  const res = await fetch(`${t.simUrl}/_sim/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prepayId: pkg.replace(/^prepay_id=/, ''), ...opts }),
  });
  if (!res.ok) throw new Error(`sim pay failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { delivered: { status: number; body: unknown }[] };
}

export function placeOrder(t: TestApp, auth: Auth, items: { skuId: number; qty: number }[], addressId: number, key?: string) {
  const req = t.http().post('/api/orders').set(auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send({ items, addressId });
}

/** `paidAt`: the time WeChat reports the payment at (default now; pass the dev clock's time when it was moved). */
export async function placeAndPay(t: TestApp, auth: Auth, items: { skuId: number; qty: number }[], addressId: number, paidAt?: string) {
  const placed = await placeOrder(t, auth, items, addressId).expect(201);
  const pay = await t.http().post(`/api/orders/${placed.body.id}/pay`).set(auth).expect(200);
  await simPay(t, pay.body.params.package, { paidAt });
  return placed.body.id as number;
}

/** Buys a card plan (by name) and pays it through the simulator; returns the card order id. */
export async function buyCard(t: TestApp, auth: Auth, planName = '月卡', paidAt?: string): Promise<number> {
  const plans = (await t.http().get('/api/membership/plans').expect(200)).body.items;
  const plan = plans.find((p: { name: string }) => p.name === planName);
  const order = await t.http().post('/api/membership/orders').set(auth).send({ planId: plan.id }).expect(201);
  const pay = await t.http().post(`/api/orders/${order.body.id}/pay`).set(auth).expect(200);
  await simPay(t, pay.body.params.package, { paidAt });
  return order.body.id;
}

/** Polls until an asynchronous effect (a refund notification) has landed. */
export async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Staff approve a refund and, when the order had shipped (the refund then waits for the goods:
 * AWAITING_RETURN), the customer sends the parcel back and staff confirm it arrived, so the money
 * goes out either way. Returns the approval's answer.
 */
export async function approveRefund(t: TestApp, staff: Auth, customer: Auth, orderId: number, refundId: number) {
  const approved = await t.http().post(`/api/admin/refunds/${refundId}/approve`).set(staff).send({}).expect(200);
  if (approved.body.status === 'AWAITING_RETURN') {
    await t.http().post(`/api/orders/${orderId}/refunds/${refundId}/return`).set(customer).send({ carrier: '顺丰速运', trackingNo: `SF${refundId}` }).expect(200);
    await t.http().post(`/api/admin/refunds/${refundId}/receive`).set(staff).send({}).expect(200);
  }
  return approved.body as { id: number; status: string };
}
