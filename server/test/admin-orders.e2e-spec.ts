import ExcelJS from 'exceljs';
import { Customer } from '../src/modules/customer/entities/customer.entity';
import { addAddress, Auth, buyCard, makeSku, placeAndPay, placeOrder } from './support/shop';
import { createTestApp, TestApp } from './support/test-app';

/** Staff's order pages (who the customer is, the refund on an order, the xlsx export) and the badge counts. */
describe('admin orders, export and badges on MariaDB', () => {
  let t: TestApp;
  let alice: { id: number; auth: Auth };
  let bob: { id: number; auth: Auth };
  let staff: Auth;
  let operator: Auth;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    alice = await t.customer('alice-admin-orders');
    bob = await t.customer('bob-admin-orders');
    await t.http().patch('/api/me').set(alice.auth).send({ nickname: '爱丽丝' }).expect(200);
    await t.ds.getRepository(Customer).update({ id: alice.id }, { phone: '13800138000' });
    await buyCard(t, alice.auth);
    staff = await t.staff();
    operator = await t.staff('operator', 'admin123');
    const [aliceAddress, bobAddress] = [await addAddress(t, alice.auth), await addAddress(t, bob.auth)];
    const sku = await makeSku(t, { priceCents: 2500, stock: 50, title: '明前龙井 罐装' });
    ids.unpaid = (await placeOrder(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress).expect(201)).body.id;
    ids.paid = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 2 }], aliceAddress);
    ids.shipped = await placeAndPay(t, alice.auth, [{ skuId: sku.id, qty: 1 }], aliceAddress);
    await t.http().post(`/api/admin/orders/${ids.shipped}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: 'SF1' }).expect(200);
    ids.bobPaid = await placeAndPay(t, bob.auth, [{ skuId: sku.id, qty: 3 }], bobAddress);
    ids.bobRefund = (await t.http().post(`/api/orders/${ids.bobPaid}/refunds`).set(bob.auth).send({ reason: '不要了' }).expect(201)).body.id;
    await t.http().put('/api/cart/items').set(alice.auth).send({ skuId: sku.id, qty: 4 }).expect(200);
  });
  afterAll(() => t.close());

  it('names the customer of each order (nickname, phone tail, member) and the refund being handled', async () => {
    const list = (await t.http().get('/api/admin/orders?status=PAID').set(operator).expect(200)).body;
    const item = (id: number) => list.items.find((o: { id: number }) => o.id === id);
    expect(item(ids.paid)).toMatchObject({ customerId: alice.id, customer: { id: alice.id, nickname: '爱丽丝', phoneTail: '8000', member: true }, openRefund: null });
    expect(item(ids.bobPaid)).toMatchObject({ customer: { id: bob.id, phoneTail: null, member: false }, openRefund: { id: ids.bobRefund, status: 'REQUESTED' } });
    expect(JSON.stringify(list)).not.toContain('13800138000');
    const detail = (await t.http().get(`/api/admin/orders/${ids.paid}`).set(staff).expect(200)).body;
    expect(detail.customer).toEqual({ id: alice.id, nickname: '爱丽丝', phoneTail: '8000', member: true });
  });

  it('counts the customer’s orders by tab, open after-sales and cart units, and only their own', async () => {
    expect((await t.http().get('/api/badges').set(alice.auth).expect(200)).body).toEqual({ pendingPayment: 1, toShip: 1, toReceive: 1, afterSale: 0, cartQty: 4 });
    expect((await t.http().get('/api/badges').set(bob.auth).expect(200)).body).toEqual({ pendingPayment: 0, toShip: 1, toReceive: 0, afterSale: 1, cartQty: 0 });
    await t.http().get('/api/badges').expect(401);
    await t.http().get('/api/badges').set(staff).expect(403);
  });

  it('counts orders to ship and refunds waiting for staff in the menu', async () => {
    expect((await t.http().get('/api/admin/badges').set(staff).expect(200)).body).toEqual({ ordersToShip: 2, refundsToReview: 1 });
    await t.http().get('/api/admin/badges').set(alice.auth).expect(403);
  });

  it('exports the filtered orders, every page, as an xlsx workbook', async () => {
    const res = await fetch(`${t.baseUrl}/api/admin/orders/export?status=PAID&pageSize=1`, { headers: operator });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{8}\.xlsx"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('订单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['订单号', '下单时间', '类型', '状态', '客户', '手机尾号', '会员', '商品']);
    expect(sheet.rowCount).toBe(3); // both paid orders, not only the first page
    const byNo = (no: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === no) return sheet.getRow(r);
      throw new Error(`no row for ${no}`);
    };
    const paid = (await t.http().get(`/api/admin/orders/${ids.paid}`).set(staff)).body;
    const row = byNo(paid.orderNo);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('状态')).toBe('待发货');
    expect(cell('客户')).toBe('爱丽丝');
    expect(cell('手机尾号')).toBe('8000');
    expect(cell('会员')).toBe('是');
    expect(cell('商品')).toBe('明前龙井 罐装（标准） ×2');
    expect(cell('实付')).toBe(paid.payableCents / 100);
    expect(cell('收货人')).toBe('张三');
    expect(cell('下单时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    expect((await fetch(`${t.baseUrl}/api/admin/orders/export?from=yesterday`, { headers: staff })).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/api/admin/orders/export`, { headers: alice.auth })).status).toBe(403);
    const none = await fetch(`${t.baseUrl}/api/admin/orders/export?from=2000-01-01&to=2000-01-02`, { headers: staff });
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(await none.arrayBuffer());
    expect(empty.getWorksheet('订单')!.rowCount).toBe(1); // the header only
  });
});
