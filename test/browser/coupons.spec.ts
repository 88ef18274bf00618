import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * Coupons end to end: staff create a coupon on the admin page (优惠券) and grant it to a customer by
 * id; the customer finds it in 我的优惠券, checks out with it and with points (the picker shows the
 * coupon applied and what it saves, and lets them pick none and back), pays in the simulator, and
 * the order and the wallet show it used.
 */
describe('coupons: staff create and grant one, a customer uses it at checkout with points (admin page and H5 shop)', () => {
  const shop = useShop();

  it('creates, grants, shows it in the wallet, applies it at checkout with points, and marks it used', async () => {
    // ---------------------------------------------------------------- the customer signs in
    const { page, errors } = await shop.phonePage();
    const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/wechat-login') && r.status() === 200);
    await page.goto(shop.url('/shop/'));
    const { token, user } = (await (await login).json()) as { token: string; user: { id: number } };
    const auth = { Authorization: `Bearer ${token}` };
    // an address and a few points (today's check-in), through the API: the UI for both has its own specs
    const address = await page.request.post(shop.url('/api/addresses'), {
      headers: auth,
      data: { name: '李四', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文二路 1 号' },
    });
    expect(address.status()).toBe(201);
    expect((await page.request.post(shop.url('/api/points/check-in'), { headers: auth })).status()).toBe(200);
    const found = (await (await page.request.get(shop.url('/api/products?q=明前龙井'))).json()) as { items: { id: number }[] };
    const product = (await (await page.request.get(shop.url(`/api/products/${found.items[0].id}`))).json()) as { skus: { id: number; priceCents: number }[] };
    const sku = product.skus.find((s) => s.priceCents === 12800)!;

    // ---------------------------------------------------------------- staff: 优惠券 → 新建 → 发放
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.locator('.ant-menu').first().getByText('优惠券').click();
    await admin.locator('.coupon-create').waitFor();
    await admin.locator('.coupon-create').click();
    await admin.locator('#coupon_title').fill('新客满 100 减 20');
    await admin.locator('#coupon_amountOff').fill('20');
    await admin.locator('#coupon_threshold').fill('100');
    await admin.locator('#coupon_totalQuantity').fill('50');
    const created = admin.waitForResponse((r) => r.url().endsWith('/api/admin/coupon-templates') && r.request().method() === 'POST');
    await admin.locator('.coupon-submit').click();
    expect((await created).status()).toBe(201);
    const row = admin.locator('.coupon-row', { hasText: '新客满 100 减 20' });
    await row.waitFor();
    await row.locator('.coupon-grant').click();
    await admin.locator('#grant_customerIds').fill(String(user.id));
    await screenshot(admin, 'admin-coupon-grant');
    const granted = admin.waitForResponse((r) => /\/api\/admin\/coupon-templates\/\d+\/grants$/.test(r.url()));
    await admin.locator('.grant-submit').click();
    const grantRes = await granted;
    expect(grantRes.status()).toBe(201);
    expect(await grantRes.json()).toEqual({ granted: 1, skipped: [] });
    await admin.locator('.ant-message', { hasText: '已发放 1 张' }).waitFor();
    await row.locator('td', { hasText: '1 / 50' }).waitFor();
    await screenshot(admin, 'admin-coupons');

    // ---------------------------------------------------------------- customer: 我的 → 我的优惠券
    await page.goto(shop.url('/shop/#/pages/me/index'));
    await page.locator('.entry-coupons').click();
    await page.locator('.coupon-card', { hasText: '新客满 100 减 20' }).waitFor();
    expect(shopPath(page)).toBe('/member/pages/coupons/index');
    await page.locator('.coupon-card .coupon-rule', { hasText: '满 100 减 20' }).waitFor();
    await shot(page, 'shop-coupons-wallet');

    // ---------------------------------------------------------------- checkout: the coupon applied, then points
    await page.goto(shop.url(`/shop/#/order/pages/checkout/index?items=${encodeURIComponent(`${sku.id}:1`)}`));
    await page.locator('.coupon-picker-value', { hasText: '-¥20.00' }).waitFor();
    await page.locator('.coupon-picker-title', { hasText: '新客满 100 减 20' }).waitFor();
    await page.locator('.checkout-total-amount', { hasText: '¥108.00' }).waitFor();
    await page.locator('.points-switch').waitFor();
    const withPoints = page.waitForResponse((r) => r.url().endsWith('/api/checkout/preview') && (r.request().postDataJSON() as { usePoints?: boolean }).usePoints === true);
    await page.locator('.points-switch input, .points-switch').first().click();
    await withPoints;
    // 5 points (today's check-in) = 0.05 yuan, taken after the coupon
    await page.locator('.checkout-total-amount', { hasText: '¥107.95' }).waitFor();
    await page.locator('.adjustment', { hasText: '积分抵扣' }).waitFor();

    // the picker: none, then the coupon again
    await page.locator('.coupon-picker-row').click();
    await page.locator('.coupon-sheet .coupon-option-save', { hasText: '省 ¥20.00' }).waitFor();
    await shot(page, 'shop-checkout-coupon-picker');
    await page.locator('.coupon-option-none').click();
    await page.locator('.coupon-picker-value', { hasText: '1 张可用' }).waitFor();
    await page.locator('.checkout-total-amount', { hasText: '¥127.95' }).waitFor();
    await page.locator('.coupon-picker-row').click();
    await page.locator('.coupon-sheet .coupon-card').first().click();
    await page.locator('.coupon-picker-value', { hasText: '-¥20.00' }).waitFor();
    await page.locator('.checkout-total-amount', { hasText: '¥107.95' }).waitFor();
    await shot(page, 'shop-checkout-coupon');

    // the answer read on its way to the page: the page moves on to the simulator's cashier at once
    const placed = new Promise<{ status: number; sent: unknown; body: { id: number; payableCents: number } }>((resolve) => {
      void page.route('**/api/orders', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        const res = await route.fetch();
        resolve({ status: res.status(), sent: route.request().postDataJSON(), body: await res.json() });
        await route.fulfill({ response: res });
      });
    });
    await page.locator('.submit-order').click();
    const { status, sent, body: order } = await placed;
    await page.unroute('**/api/orders');
    expect(status).toBe(201);
    expect(sent).toMatchObject({ usePoints: true, couponId: expect.any(Number) });
    expect(order.payableCents).toBe(10795);

    await page.waitForURL(/\/_sim\/pay-page\?/);
    await page.locator('#pay').click();
    // the cashier returns to the pay-success page, which opens the order
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash === `#/order/pages/pay-success/index?id=${order.id}`);
    await page.locator('.pay-success-view').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith(`#/order/pages/detail/index?id=${order.id}`));
    await page.locator('.order-status', { hasText: '待发货' }).waitFor();
    await page.locator('.adjustment', { hasText: '优惠券' }).locator('.adjustment-amount', { hasText: '-¥20.00' }).waitFor();
    await page.locator('.adjustment', { hasText: '积分抵扣' }).waitFor();
    await shot(page, 'shop-order-with-coupon');

    // ---------------------------------------------------------------- the wallet: used
    await page.goto(shop.url('/shop/#/member/pages/coupons/index'));
    await page.locator('.coupon-list, .list-empty').first().waitFor();
    expect(await page.locator('.coupon-card', { hasText: '新客满 100 减 20' }).count()).toBe(0);
    await page.locator('.coupon-tab-used').click();
    await page.locator('.coupon-card', { hasText: '新客满 100 减 20' }).locator('.coupon-status', { hasText: '已使用' }).waitFor();
    await shot(page, 'shop-coupons-used');

    // staff see who used it on which order
    await row.locator('.coupon-usage').click();
    await admin.locator('.usage-row', { hasText: '已使用' }).waitFor();
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
