import { formatYuan } from '@mc/shared';
import { pickColumn, shopPath, shot, useShop } from '../support/shop';

/**
 * The shopping journey in the H5 shop, end to end against the built server (embedded demo database,
 * WeChat simulator): search → product → SKU → cart → checkout (address added through the UI) →
 * WeChat Pay through the simulator's cashier → 待发货 → shipped from the admin page → 待收货.
 * Taro renders custom elements: click the host element by its className (pitfall P9), type into the
 * <input>/<textarea> inside it.
 */

const PRODUCT = '纯棉短袖 T 恤'; // demo catalog: 颜色 白/黑 × 尺码 M/L, 黑 L sold out

describe('shopping in the H5 shop (embedded demo database, WeChat simulator)', () => {
  const shop = useShop();

  it('searches, picks a SKU, adds it to the cart, checks out, pays in the simulator and follows the order to 待收货', async () => {
    const { page, errors } = await shop.phonePage();

    // --- home → search
    await shop.openShop(page);
    await page.locator('.product-card').first().waitFor();
    await page.locator('.home-search').click();
    const searchInput = page.locator('.search-input input');
    await searchInput.waitFor();
    await searchInput.fill('短袖');
    await page.locator('.search-submit').click();
    const card = page.locator('.product-card', { hasText: PRODUCT });
    await card.waitFor();
    await shot(page, 'shop-search');

    // --- product detail: SKU picker
    await card.click();
    await page.locator('.sku-value').first().waitFor();
    expect(await page.locator('.detail-title').textContent()).toBe(PRODUCT);
    await expect(page.locator('.detail-member-price').textContent()).resolves.toMatch(/^会员价 ¥\d+\.\d{2}$/);
    const chip = (value: string) => page.locator('.sku-value', { hasText: new RegExp(`^${value}$`) });
    await chip('黑').click();
    await page.locator('.sku-value.active', { hasText: '黑' }).waitFor();
    expect(await chip('L').getAttribute('class')).toContain('disabled'); // 黑 L is sold out
    await chip('黑').click(); // unselect
    await chip('白').click();
    await chip('M').click();
    await page.locator('.detail-stock', { hasText: /^库存 \d+ 件$/ }).waitFor();
    await page.locator('.qty-plus').click();
    await page.locator('.qty-value', { hasText: '2' }).waitFor();
    await shot(page, 'shop-product');

    const added = page.waitForResponse((r) => r.url().endsWith('/api/cart/items') && r.request().method() === 'PUT');
    await page.locator('.add-to-cart').click();
    const addedRes = await added;
    expect(addedRes.status()).toBe(200);
    const cartAfterAdd = (await addedRes.json()) as { items: { title: string; qty: number; specs: Record<string, string> }[]; preview: { payableCents: number } };
    expect(cartAfterAdd.items).toEqual([expect.objectContaining({ title: PRODUCT, qty: 2, specs: { 颜色: '白', 尺码: 'M' } })]);

    // --- cart tab
    await page.locator('.bar-cart').click();
    await page.locator('.cart-line').first().waitFor();
    expect(await page.locator('.cart-line').count()).toBe(1);
    await expect(page.locator('.cart-line .qty-value').textContent()).resolves.toBe('2');
    const payableYuan = formatYuan(cartAfterAdd.preview.payableCents);
    await expect(page.locator('.cart-total-amount').textContent()).resolves.toBe(`¥${payableYuan}`);
    await shot(page, 'shop-cart');

    // --- checkout: no address yet → add one through the form
    await page.locator('.go-checkout').click();
    await page.locator('.checkout-line').first().waitFor();
    await page.locator('.address-card', { hasText: '添加收货地址' }).click();
    await page.locator('.addr-name input').waitFor();
    expect(shopPath(page)).toBe('/order/pages/address-edit/index');
    await page.locator('.address-save').click(); // empty form: every field says what is missing
    await page.locator('.field-error', { hasText: '请填写收货人' }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(4); // name, phone, the place, detail
    await shot(page, 'shop-address-errors');
    await page.locator('.addr-name input').fill('张三');
    await page.locator('.addr-phone input').fill('13800138000');
    await page.locator('.region-value').click();
    await pickColumn(page, 0, '浙江省');
    await pickColumn(page, 1, '杭州市');
    await pickColumn(page, 2, '西湖区');
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await page.locator('.region-text', { hasText: '浙江省 杭州市 西湖区' }).waitFor();
    await page.locator('.addr-detail textarea').fill('文三路 100 号 1 幢 101');
    await shot(page, 'shop-address-edit');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/addresses') && r.request().method() === 'POST');
    await page.locator('.address-save').click();
    expect((await saved).status()).toBe(201);
    await page.locator('.address-card .address-name', { hasText: '张三' }).waitFor();
    expect(shopPath(page)).toBe('/order/pages/checkout/index');
    await expect(page.locator('.payable-amount').textContent()).resolves.toBe(`¥${payableYuan}`);
    await page.locator('.order-note input').fill('请尽快发货');
    await shot(page, 'shop-checkout');

    // --- submit → pay in the simulator's cashier
    const placed = page.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
    await page.locator('.submit-order').click();
    const placedRes = await placed;
    expect(placedRes.status()).toBe(201);
    expect(placedRes.request().headers()['idempotency-key']).toMatch(/^checkout-/);
    const order = (await placedRes.json()) as { id: number; orderNo: string; status: string };
    expect(order.status).toBe('PENDING_PAYMENT');

    await page.waitForURL(/\/_sim\/pay-page\?/);
    const payButton = page.locator('#pay');
    await payButton.waitFor();
    await shot(page, 'shop-pay-simulator');
    await payButton.click();

    // --- back on the pay-success page (as after WeChat's own cashier), then the order: paid
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash === `#/order/pages/pay-success/index?id=${order.id}`);
    await page.locator('.pay-success-title', { hasText: '支付成功' }).waitFor();
    await expect(page.locator('.pay-success-no').textContent()).resolves.toBe(`订单编号：${order.orderNo}`);
    await shot(page, 'shop-pay-success');
    await page.locator('.pay-success-view').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith(`#/order/pages/detail/index?id=${order.id}`));
    await page.locator('.order-status', { hasText: '待发货' }).waitFor();
    await expect(page.locator('.order-no').textContent()).resolves.toBe(`订单编号：${order.orderNo}`);
    await page.locator('.apply-refund').waitFor();
    expect(await page.locator('.pay-button').count()).toBe(0);
    await shot(page, 'shop-order-paid');

    // --- the merchant ships it from the admin page
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/orders'));
    const row = admin.locator('.order-row', { hasText: order.orderNo });
    await row.waitFor();
    await row.locator('.ship-button').click();
    await admin.locator('.ship-carrier').click();
    await admin.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
    await admin.locator('input.ship-tracking, .ship-tracking input').first().fill('SF1234567890');
    await shot(admin, 'admin-ship-order');
    const shipped = admin.waitForResponse((r) => r.url().endsWith(`/api/admin/orders/${order.id}/ship`));
    await admin.locator('.ship-submit').click();
    expect((await shipped).status()).toBeLessThan(300);
    await row.locator('.order-status', { hasText: '待收货' }).waitFor();
    expect(adminErrors).toEqual([]);
    await admin.close();

    // --- the customer sees it on the way
    await page.reload();
    await page.locator('.order-status', { hasText: '待收货' }).waitFor();
    await page.locator('.shipment-no', { hasText: 'SF1234567890' }).waitFor();
    await page.locator('.confirm-receipt').waitFor();
    await shot(page, 'shop-order-shipped');

    // --- and in the order list under 待收货, from 我的
    await page.goto(shop.url('/shop/#/pages/me/index'));
    await page.locator('.order-entry-shipped').waitFor();
    await shot(page, 'shop-me');
    await page.locator('.order-entry-shipped').click();
    await page.locator('.order-card', { hasText: order.orderNo }).waitFor();
    expect(shopPath(page)).toBe('/order/pages/list/index');
    await expect(page.locator('.order-tab.active').textContent()).resolves.toBe('待收货');
    await shot(page, 'shop-order-list');

    expect(errors).toEqual([]);
    await page.close();
  });
});
