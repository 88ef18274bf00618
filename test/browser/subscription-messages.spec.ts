import type { Page } from 'playwright-core';
import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * Subscription messages end to end: staff set the shipping template on 订阅消息, a customer who
 * paid agrees on the pay-success page (H5's dialog in place of WeChat's sheet), staff ship, and
 * the send log shows the message sent to WeChat (the simulator) with the order's data.
 */
describe('subscription messages: staff set a template, a customer agrees after paying, shipping sends one message', () => {
  const shop = useShop();

  const api = async (path: string, init: { method?: string; token?: string; body?: unknown; base?: string } = {}) => {
    const res = await fetch(`${init.base ?? shop.url('')}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const shopToken = async (page: Page): Promise<string> => {
    const raw = await page.evaluate(() => localStorage.getItem('mc.token'));
    const token = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
    if (!token) throw new Error('the shop is not logged in');
    return token;
  };

  it('agree once, ship, and the message is in the log', async () => {
    // ---------------------------------------------------------------- staff: 订阅消息
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.locator('.ant-menu').first().getByText('订阅消息').click();
    const templateId = admin.locator('#tmpl_ORDER_SHIPPED_templateId');
    await templateId.waitFor();
    await templateId.fill('tmpl-ship-demo');
    await admin.locator('#tmpl_ORDER_SHIPPED_enabled').click();
    const form = admin.locator('form#tmpl_ORDER_SHIPPED');
    for (const [i, keyword, field] of [
      [0, 'character_string1', '订单号'],
      [1, 'amount2', '商品名称'],
    ] as const) {
      await form.locator('.subscription-mapping-add').click();
      await admin.locator(`#tmpl_ORDER_SHIPPED_mappings_${i}_keyword`).fill(keyword);
      await form.locator('.subscription-mapping').nth(i).locator('.ant-select').click();
      await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: field }).click();
      // the list closes with an animation: the next row's select opens only once this one is gone
      await admin.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    }
    await form.locator('.subscription-submit-ORDER_SHIPPED').click();
    await admin.getByText('amount 类关键词不能填「商品名称」').waitFor(); // refused as typed
    await admin.locator('#tmpl_ORDER_SHIPPED_mappings_1_keyword').fill('thing2');
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/admin/subscription-templates/ORDER_SHIPPED') && r.request().method() === 'PUT');
    await form.locator('.subscription-submit-ORDER_SHIPPED').click();
    expect((await saved).status()).toBe(200);
    await admin.locator('.ant-message', { hasText: '订单发货通知已保存' }).waitFor();

    // ---------------------------------------------------------------- customer: a paid order (through the API, as the shop would)
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    const token = await shopToken(page);
    const products = (await api('/api/products?pageSize=20')) as { items: { id: number; memberOnly: boolean; memberDayOnly: unknown }[] };
    const open = products.items.find((p) => !p.memberOnly && !p.memberDayOnly)!;
    const product = (await api(`/api/products/${open.id}`)) as { title: string; skus: { id: number; stock: number }[] };
    const sku = product.skus.find((s) => s.stock > 0)!;
    const address = (await api('/api/addresses', { method: 'POST', token, body: { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' } })) as { id: number };
    const order = (await api('/api/orders', { method: 'POST', token, body: { items: [{ skuId: sku.id, qty: 1 }], addressId: address.id } })) as { id: number; orderNo: string };
    const pay = (await api(`/api/orders/${order.id}/pay`, { method: 'POST', token })) as { params: { package: string }; simulatorPayUrl: string };
    await api('/_sim/pay', { method: 'POST', base: new URL(pay.simulatorPayUrl).origin, body: { prepayId: pay.params.package } });

    // ---------------------------------------------------------------- pay-success: 订阅通知 → 允许
    await page.goto(shop.url(`/shop/#/order/pages/pay-success/index?id=${order.id}`));
    const prompt = page.locator('.subscribe-prompt');
    await prompt.locator('.subscribe-prompt-text', { hasText: '发货时通过微信通知我' }).waitFor();
    expect(shopPath(page)).toBe('/order/pages/pay-success/index');
    expect(await page.locator('.subscribe-dialog').count()).toBe(0); // never asked by itself
    await prompt.locator('.subscribe-prompt-button').click();
    await page.locator('.subscribe-dialog-item', { hasText: '订单发货通知' }).waitFor();
    await shot(page, 'subscription-consent-dialog');
    const consented = page.waitForResponse((r) => r.url().endsWith('/api/subscriptions/consents'));
    await page.locator('.subscribe-dialog-accept').click();
    expect(await (await consented).json()).toEqual({ credits: { 'tmpl-ship-demo': 1 } });
    await prompt.locator('.subscribe-prompt-text', { hasText: '已订阅' }).waitFor();
    expect(errors).toEqual([]);

    // ---------------------------------------------------------------- staff ship; the log shows it sent
    const adminToken = (await admin.evaluate(() => localStorage.getItem('mc_admin_token')))!;
    await api(`/api/admin/orders/${order.id}/ship`, { method: 'POST', token: adminToken, body: { carrier: '顺丰', trackingNo: 'SF1234567890' } });
    await admin.reload();
    const row = admin.locator('.subscription-log tr', { hasText: order.orderNo });
    await row.waitFor();
    await row.getByText('已发送').waitFor();
    expect(await row.textContent()).toContain(product.title.slice(0, 10));
    await screenshot(admin, 'admin-subscription-messages');
    expect(adminErrors).toEqual([]);
  });
});
