import { pickColumn, screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * The points mall end to end: staff put a points + cash item on the admin page (积分商城), a customer
 * earns the points by checking in, opens the mall from 积分中心, adds an address on the item page,
 * redeems and pays the cash in the simulator's cashier; the order waits for shipping, and staff see
 * the redemption in the records.
 */
describe('points mall: staff list an item, a customer redeems it (admin page and H5 shop)', () => {
  const shop = useShop();

  it('redeems points + cash for goods and shows it in the admin records', async () => {
    // a SKU of the demo catalog to give away
    const products = (await (await fetch(shop.url('/api/products?q=碧螺春'))).json()) as { items: { id: number }[] };
    const detail = (await (await fetch(shop.url(`/api/products/${products.items[0].id}`))).json()) as { skus: { id: number }[] };
    const skuId = detail.skus[0].id;

    // ---------------------------------------------------------------- staff: 积分商城 → 新建兑换商品
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/points-mall'));
    await admin.locator('.mall-item-row', { hasText: '会员卡 7 天体验' }).waitFor(); // the demo store's items
    await admin.locator('.mall-item-create').click();
    await admin.locator('#mallItem_title').fill('碧螺春 试饮装');
    await admin.locator('#mallItem_skuId').fill(String(skuId));
    await admin.locator('#mallItem_pointsCost').fill('0');
    await admin.locator('#mallItem_cash').fill('9.9');
    await admin.locator('#mallItem_stock').fill('10');
    await admin.locator('#mallItem_perCustomerLimit').fill('1');
    await admin.locator('#mallItem_sort').fill('99');
    await admin.locator('#mallItem_onShelf').click();
    await admin.locator('.mall-item-submit').click();
    await admin.getByText('所需积分须为 1 到 1000000 之间的整数').waitFor(); // refused as typed, nothing sent
    await admin.locator('#mallItem_pointsCost').fill('5');
    const created = admin.waitForResponse((r) => r.url().endsWith('/api/admin/points-mall/items') && r.request().method() === 'POST');
    await admin.locator('.mall-item-submit').click();
    expect((await created).status()).toBe(201);
    await admin.locator('.ant-message', { hasText: '兑换商品已创建' }).waitFor();
    await admin.locator('.mall-item-row', { hasText: '碧螺春 试饮装' }).waitFor();
    await screenshot(admin, 'admin-points-mall-items');

    // ---------------------------------------------------------------- customer: points from the check-in
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.home-banner-checkin').click();
    await page.locator('.checkin-button-title', { hasText: /^签到$/ }).waitFor();
    await page.locator('.checkin-button').click();
    await page.locator('.checkin-balance', { hasText: /^5$/ }).waitFor();

    // ---------------------------------------------------------------- 积分商城
    await page.locator('.points-mall-entry:not(.lottery-entry)').click();
    await page.locator('.mall-card').first().waitFor();
    expect(shopPath(page)).toBe('/points/pages/mall/index');
    await page.locator('.mall-balance', { hasText: /^5$/ }).waitFor();
    await page.locator('.mall-card', { hasText: '会员卡 7 天体验' }).locator('.mall-note', { hasText: '还差 495 积分' }).waitFor();
    await page.locator('.mall-card', { hasText: '满 100 减 15 优惠券' }).locator('.mall-price', { hasText: '800 积分' }).waitFor(); // the demo coupon item
    const card = page.locator('.mall-card', { hasText: '碧螺春 试饮装' });
    await card.locator('.mall-price', { hasText: '5 积分 + ¥9.90' }).waitFor();
    await shot(page, 'points-mall');

    await card.click();
    await page.locator('.mall-item-price', { hasText: '5 积分 + ¥9.90' }).waitFor();
    await page.locator('.address-card', { hasText: '添加收货地址' }).click();
    await page.locator('.addr-name input').waitFor();
    await page.locator('.addr-name input').fill('张三');
    await page.locator('.addr-phone input').fill('13800138000');
    await page.locator('.region-value').click();
    await pickColumn(page, 0, '浙江省');
    await pickColumn(page, 1, '杭州市');
    await pickColumn(page, 2, '西湖区');
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await page.locator('.region-text', { hasText: '浙江省 杭州市 西湖区' }).waitFor();
    await page.locator('.addr-detail textarea').fill('文三路 100 号');
    await page.locator('.address-save').click();
    await page.locator('.mall-item-page .address-name', { hasText: '张三' }).waitFor();
    expect(shopPath(page)).toBe('/points/pages/item/index');
    await page.locator('.mall-redeem', { hasText: '兑换并支付' }).waitFor();
    await shot(page, 'points-mall-item');

    const redeemed = page.waitForResponse((r) => r.url().endsWith('/api/points-mall/redeem'));
    await page.locator('.mall-redeem').click();
    const res = await redeemed;
    expect(res.status()).toBe(200);
    expect(res.request().headers()['idempotency-key']).toMatch(/^redeem-/);
    const redemption = (await res.json()) as { orderId: number; status: string; pointsUsed: number; payableCents: number };
    expect(redemption).toMatchObject({ status: 'PENDING_PAYMENT', pointsUsed: 5, payableCents: 990 });

    await page.waitForURL(/\/_sim\/pay-page\?/);
    await page.locator('#pay').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash === `#/order/pages/pay-success/index?id=${redemption.orderId}`);
    await page.locator('.pay-success-view').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith(`#/order/pages/detail/index?id=${redemption.orderId}`));
    await page.locator('.order-status', { hasText: '待发货' }).waitFor();
    await page.locator('.redemption-points', { hasText: '5 积分' }).waitFor();
    await shot(page, 'points-mall-order-paid');
    expect(errors).toEqual([]);

    // ---------------------------------------------------------------- staff: 兑换记录
    await admin.reload();
    await admin.getByRole('tab', { name: '兑换记录' }).click();
    const row = admin.locator('.mall-redemption-row', { hasText: '碧螺春 试饮装' });
    await row.waitFor();
    await row.getByText('待发货').waitFor();
    await row.getByText('¥9.90').waitFor();
    await admin.locator('.ant-tabs-tab-active', { hasText: '兑换记录' }).waitFor();
    await shot(admin, 'admin-points-mall-redemptions'); // after the tab's slide
    expect(adminErrors).toEqual([]);
  });
});
