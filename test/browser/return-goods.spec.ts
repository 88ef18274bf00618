import type { Page } from 'playwright-core';
import { shopPath, shot, useShop } from '../support/shop';

/**
 * After-sales for goods already shipped, end to end on the H5 shop and the admin page: the customer
 * asks for a refund of a shipped order, staff approve it (no money yet), the customer fills in the
 * return parcel on the refund page, staff confirm the goods arrived on 售后退款, and the money goes
 * back through the simulator's WeChat refund. The order is set up through the API (placed, paid in
 * the simulator, shipped) so the journey starts where the return does.
 */
describe('return goods before the refund (H5 shop and admin page, WeChat simulator)', () => {
  const shop = useShop();

  const api = async <T>(path: string, token: string, body?: unknown): Promise<T> => {
    const res = await fetch(shop.url(path), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** A shipped order of the logged-in H5 customer: placed, paid through the simulator, shipped by staff. */
  async function shippedOrder(customerToken: string, staffToken: string): Promise<{ id: number; orderNo: string }> {
    const products = await api<{ items: { id: number }[] }>('/api/products?q=%E9%BE%99%E4%BA%95&pageSize=1', customerToken);
    const product = await api<{ skus: { id: number; stock: number }[] }>(`/api/products/${products.items[0].id}`, customerToken);
    const sku = product.skus.find((s) => s.stock > 0)!;
    const address = await api<{ id: number }>('/api/addresses', customerToken, { name: '李四', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 200 号' });
    const placed = await api<{ id: number; orderNo: string }>('/api/orders', customerToken, { items: [{ skuId: sku.id, qty: 2 }], addressId: address.id });
    const pay = await api<{ params: { package: string }; simulatorPayUrl: string }>(`/api/orders/${placed.id}/pay`, customerToken, {});
    const paid = await fetch(`${new URL(pay.simulatorPayUrl).origin}/_sim/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prepayId: pay.params.package }) });
    expect(paid.status).toBe(200);
    await api(`/api/admin/orders/${placed.id}/ship`, staffToken, { carrier: '顺丰速运', trackingNo: 'SF20261205' });
    return placed;
  }

  /** Taro H5's picker: open it and take its first choice with 确定. */
  async function pickFirst(page: Page, selector: string) {
    await page.locator(selector).click();
    const confirm = page.locator('.weui-picker__action', { hasText: '确定' });
    await confirm.waitFor();
    await confirm.click();
    await confirm.waitFor({ state: 'hidden' });
  }

  it('asks for the goods back after approval, takes the return parcel, and refunds once staff confirm receipt', async () => {
    // ---------------------------------------------------------------- setup: a shipped order of the H5 customer
    const { page, errors } = await shop.phonePage();
    const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/wechat-login') && r.status() === 200);
    await shop.openShop(page);
    const { token } = (await (await login).json()) as { token: string };
    const staff = (await (await fetch(shop.url('/api/admin/auth/login'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin123' }) })).json()) as { token: string };
    const order = await shippedOrder(token, staff.token);

    // ---------------------------------------------------------------- customer: 申请退款 on the shipped order
    await page.goto(shop.url(`/shop/#/order/pages/detail/index?id=${order.id}`));
    await page.locator('.order-status', { hasText: '待收货' }).waitFor();
    await page.locator('.apply-refund').click();
    await page.locator('.refund-line').first().waitFor();
    await pickFirst(page, '.refund-reason');
    await page.locator('.refund-reason-value', { hasText: '不想要了' }).waitFor();
    const asked = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}/refunds`) && r.request().method() === 'POST');
    await page.locator('.refund-submit').click();
    expect((await asked).status()).toBe(201);
    await page.locator('.refund-status', { hasText: '退款审核中' }).waitFor();

    // the 我的 page counts it: 待收货 1, 售后 1
    await page.goto(shop.url('/shop/#/pages/me/index'));
    await page.locator('.order-entry-after_sale .me-order-badge', { hasText: '1' }).waitFor();
    await page.locator('.order-entry-shipped .me-order-badge', { hasText: '1' }).waitFor();
    await shot(page, 'return-me-badges');

    // ---------------------------------------------------------------- staff: approve (goods must come back first)
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/refunds'));
    await admin.locator('.admin-menu .nav-badge-refunds', { hasText: '1' }).first().waitFor();
    const row = admin.locator('.refund-row', { hasText: order.orderNo });
    await row.waitFor();
    await row.locator('.refund-approve').click();
    await admin.locator('.ant-modal', { hasText: '已发货的商品需顾客寄回' }).waitFor();
    const approved = admin.waitForResponse((r) => r.url().includes('/api/admin/refunds/') && r.url().endsWith('/approve'));
    await admin.locator('.refund-approve-submit').click();
    const approvedBody = (await (await approved).json()) as { id: number; status: string };
    expect(approvedBody.status).toBe('AWAITING_RETURN');
    await admin.locator('.refund-status-tabs').getByText('待寄回商品').click();
    await admin.locator('.refund-row', { hasText: order.orderNo }).getByText('等待顾客寄回').waitFor();
    await shot(admin, 'return-admin-awaiting');

    // ---------------------------------------------------------------- customer: the return parcel
    await page.goto(shop.url(`/shop/#/order/pages/detail/index?id=${order.id}`));
    await page.locator('.refund-status', { hasText: '待寄回商品' }).waitFor();
    await page.locator('.send-return').click();
    await page.locator('.return-form').waitFor();
    expect(shopPath(page)).toBe('/order/pages/refund/index');
    await page.locator('.return-submit').click(); // nothing chosen yet: told what is missing
    await page.getByText('请选择退货快递公司').waitFor();
    await pickFirst(page, '.return-carrier');
    await page.locator('.return-carrier .refund-reason-value', { hasText: '顺丰速运' }).waitFor();
    await page.locator('.return-tracking input').fill('SF9876543210');
    await shot(page, 'return-form');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}/refunds/${approvedBody.id}/return`));
    await page.locator('.return-submit').click();
    expect((await sent).status()).toBe(200);
    await page.locator('.return-parcel-no', { hasText: 'SF9876543210' }).waitFor();
    await page.locator('.return-status', { hasText: '退货待签收' }).waitFor();
    await shot(page, 'return-sent');

    // ---------------------------------------------------------------- staff: the goods arrived → refund
    await admin.locator('.refund-status-tabs').getByText('退货待签收').click();
    const returned = admin.locator('.refund-row', { hasText: order.orderNo });
    await returned.getByText('退货：顺丰速运 SF9876543210').waitFor();
    await shot(admin, 'return-admin-received');
    await returned.locator('.refund-receive').click();
    await admin.locator('.ant-modal', { hasText: '退货物流：顺丰速运 SF9876543210' }).waitFor();
    const received = admin.waitForResponse((r) => r.url().endsWith(`/api/admin/refunds/${approvedBody.id}/receive`));
    await admin.locator('.refund-receive-submit').click();
    expect((await received).status()).toBe(200);
    // the money goes back through the simulator's WeChat refund and its notification: look until it has
    const refunded = admin.locator('.refund-row', { hasText: order.orderNo });
    for (let tries = 0; ; tries++) {
      await admin.locator('.refund-status-tabs').getByText('已退款').click();
      await admin.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      if ((await refunded.count()) === 1) break;
      if (tries > 20) throw new Error('the refund did not complete');
      await admin.locator('.refund-status-tabs').getByText('全部').click();
      await admin.waitForTimeout(500);
    }
    await shot(admin, 'return-admin-refunded');
    expect(adminErrors).toEqual([]);

    // ---------------------------------------------------------------- customer: refunded
    await page.goto(shop.url(`/shop/#/order/pages/detail/index?id=${order.id}`));
    await page.locator('.refund-status', { hasText: '已退款' }).waitFor();
    await page.locator('.return-parcel', { hasText: '退货物流：顺丰速运 SF9876543210' }).waitFor();
    await page.locator('.refunded-amount').waitFor();
    await shot(page, 'return-refunded');
    expect(errors).toEqual([]);
  });
});
