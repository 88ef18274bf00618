import type { Page } from 'playwright-core';
import { fen, pickColumn, shopPath, shot, useShop } from '../support/shop';

/**
 * What a customer sees of prices, search and addresses in the H5 shop (demo store, its member day on
 * the 7th of every month: paid members, 零食坚果 at 9 折, 85 % member-day prices on some SKUs):
 * - the list pages (home, 分类, search) run without a console error;
 * - search in Chinese finds by category and keywords, and clearing the box resets it;
 * - a member-day-only product says when it opens and cannot be bought before;
 * - on the member day a non-member sees the list price with the card's price beside it and what the
 *   card saves (the preview's number); after buying the card the price they pay is the big red one;
 * - the address form's region picker, and the server refusing a place not in the list.
 */

const year = new Date().getUTCFullYear() + 1;
/** 10:00 in Shanghai on a day of March next year. */
const march = (day: number) => new Date(Date.UTC(year, 2, day, 2));
const NUTS = '每日坚果 30 袋'; // list ¥99.00, member ¥89.00, member-day price ¥84.15 (85 %)
const BLACK = '黑金每日坚果 会员专享'; // list ¥129.00, member ¥99.00; the day's ¥109.65 is above what a member pays

/** Console errors and uncaught errors of a page. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return errors;
}

describe('prices the customer can trust, search and addresses (H5 shop)', () => {
  const shop = useShop();
  let staffToken = '';

  const staffApi = async (method: string, path: string, body?: unknown) => {
    if (!staffToken) {
      const login = await fetch(shop.url('/api/admin/auth/login'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin123' }) });
      staffToken = ((await login.json()) as { token: string }).token;
    }
    const res = await fetch(shop.url(path), { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${staffToken}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };

  it('list pages run without console errors; search finds by category and keywords and clearing resets it', async () => {
    await shop.setClock(march(1));
    // a product staff put on the shelf before giving it a picture (Taro's lazy Image once threw on it)
    const [root] = (await (await fetch(shop.url('/api/categories'))).json()) as { children: { id: number }[] }[];
    await staffApi('POST', '/api/admin/products', { categoryId: root.children[0].id, title: '新茶 尚无图片', onShelf: true, sort: 9999, skus: [{ specs: { 规格: '100g' }, priceCents: 3900, stock: 10 }] });
    const { page } = await shop.phonePage();
    const errors = consoleErrors(page);
    await shop.openShop(page);
    await page.locator('.home-page .product-card', { hasText: '新茶 尚无图片' }).waitFor();
    await page.mouse.wheel(0, 3000); // load the next page and the lazy images
    await page.waitForTimeout(500);

    await page.locator('.taro-tabbar__tabbar').getByText('分类').click();
    await page.locator('.category-page .product-card').first().waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'prices-category');

    await page.locator('.taro-tabbar__tabbar').getByText('首页').click();
    await page.locator('.home-search').click();
    const input = page.locator('.search-input input');
    await input.waitFor();
    await input.fill('坚果');
    await page.locator('.search-submit').click();
    // 碧根果's title does not say 坚果: its category does
    await page.locator('.search-page .product-card', { hasText: '碧根果 奶油味' }).waitFor();
    await page.locator('.search-page .product-card', { hasText: '夏威夷果' }).waitFor();
    await shot(page, 'search-nuts');
    await input.fill('山核桃'); // a keyword of the demo's 碧根果
    await page.locator('.search-submit').click();
    await page.locator('.search-total', { hasText: '共 1 件商品' }).waitFor();
    await page.locator('.search-page .product-card', { hasText: '碧根果 奶油味' }).waitFor();

    await page.locator('.search-clear').click();
    await page.locator('.search-hint').waitFor();
    expect(await page.locator('.search-page .product-card').count()).toBe(0);
    expect(await input.inputValue()).toBe('');
    await shot(page, 'search-cleared');

    await input.fill('茶');
    await page.locator('.search-submit').click();
    await page.locator('.search-total', { hasText: '共 7 件商品' }).waitFor(); // the 6 demo teas and the new one
    await shot(page, 'search-tea');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a member-day-only product says when it opens and is not for sale before', async () => {
    await shop.setClock(march(1));
    const [rule] = (await staffApi('GET', '/api/admin/member-days')).items;
    const products = (await staffApi('GET', `/api/admin/products?q=${encodeURIComponent('黄山毛峰')}`)).items;
    await staffApi('PUT', `/api/admin/member-days/${rule.id}`, { exclusiveProductIds: [products[0].id] });
    try {
      const { page } = await shop.phonePage();
      const errors = consoleErrors(page);
      await shop.openShop(page);
      await page.goto(shop.url(`/shop/#/pages/search/index?q=${encodeURIComponent('黄山毛峰')}`));
      const card = page.locator('.search-page .product-card', { hasText: '黄山毛峰' });
      await card.locator('.member-day-only', { hasText: '会员日专享 · 3月7日开抢' }).waitFor();
      expect(await card.getAttribute('class')).toContain('closed');
      await shot(page, 'member-day-only-card');
      await card.click();
      await page.locator('.detail-member-day-only', { hasText: '会员日专享 · 3月7日开抢' }).waitFor();
      await expect(page.locator('.buy-now').textContent()).resolves.toBe('3月7日 会员日开抢');
      expect(await page.locator('.buy-now').getAttribute('class')).toContain('disabled');
      expect(await page.locator('.add-to-cart').count()).toBe(0);
      await shot(page, 'member-day-only-product');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await staffApi('PUT', `/api/admin/member-days/${rule.id}`, { exclusiveProductIds: [] });
    }
  });

  it('on the member day: a non-member sees what the card saves, a member the price they pay, big and red', async () => {
    await shop.setClock(march(7));
    const { page } = await shop.phonePage();
    const errors = consoleErrors(page);
    await shop.openShop(page);
    await page.goto(shop.url(`/shop/#/pages/search/index?q=${encodeURIComponent('坚果')}`));
    const card = (title: string) => page.locator('.search-page .product-card', { hasText: title });
    await expect(card(NUTS).locator('.product-price').textContent()).resolves.toBe('¥99.00');
    await expect(card(NUTS).locator('.member-price').textContent()).resolves.toBe('会员价 ¥84.15');
    await shot(page, 'prices-guest-cards');

    await card(NUTS).click();
    await page.locator('.detail-title', { hasText: NUTS }).waitFor();
    await page.locator('.sku-value', { hasText: /^30 袋$/ }).click();
    await page.locator('.sku-value.active', { hasText: /^30 袋$/ }).waitFor();
    await page.locator('.detail-price', { hasText: '¥99.00' }).waitFor();
    await page.locator('.detail-member-price', { hasText: '会员价 ¥84.15' }).waitFor();
    // the saving is the checkout preview's: same function, one unit
    const nudge = page.locator('.member-nudge');
    await nudge.locator('text=开通会员立省 ¥14.85/件').waitFor();
    await shot(page, 'prices-guest-product');
    const preview = page.waitForResponse((r) => r.url().endsWith('/api/checkout/preview'));
    await page.locator('.buy-now').click();
    const previewBody = (await (await preview).json()) as { memberSavingsCents: number };
    expect(previewBody.memberSavingsCents).toBe(1485);
    await page.locator('.join-nudge', { hasText: '开通会员本单立省 ¥14.85' }).waitFor();

    // buy the monthly card (WeChat simulator's cashier)
    await page.locator('.join-nudge').click();
    await page.locator('.member-status', { hasText: '未开通' }).waitFor();
    const ordered = page.waitForResponse((r) => r.url().endsWith('/api/membership/orders') && r.request().method() === 'POST');
    await page.locator('.plan-card', { hasText: '月卡' }).locator('.buy-plan').click();
    expect((await ordered).status()).toBe(201);
    await page.waitForURL(/\/_sim\/pay-page\?/);
    await page.locator('#pay').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith('#/order/pages/checkout/index'), { timeout: 20_000 });
    await page.locator('.checkout-line-price', { hasText: '¥84.15' }).waitFor();

    // as a member: the price paid is the main price, what gave it, the list price struck through
    await page.goto(shop.url(`/shop/#/pages/search/index?q=${encodeURIComponent('坚果')}`));
    await page.reload();
    await card(NUTS).locator('.product-price', { hasText: '¥84.15' }).waitFor();
    await expect(card(NUTS).locator('.price-label').textContent()).resolves.toBe('会员日价');
    await expect(card(NUTS).locator('.product-list-price').textContent()).resolves.toBe('¥99.00');
    // 黑金每日坚果: the member price (¥99.00) is below the day's 8.5 折 (¥109.65), which is not shown
    await expect(card(BLACK).locator('.product-price').textContent()).resolves.toBe('¥99.00');
    await expect(card(BLACK).locator('.price-label').textContent()).resolves.toBe('会员价');
    expect(await card(BLACK).textContent()).not.toContain('109.65');
    expect(await page.locator('.search-page .member-price').count()).toBe(0);
    await shot(page, 'prices-member-cards');
    await card(BLACK).click();
    await page.locator('.detail-price', { hasText: '¥99.00' }).waitFor();
    await expect(page.locator('.detail-price-label').textContent()).resolves.toBe('会员价');
    await expect(page.locator('.detail-list-price').textContent()).resolves.toBe('¥129.00');
    expect(fen(await page.locator('.detail-price').textContent())).toBe(9900);
    await shot(page, 'prices-member-product');

    // the member-day page lists the SKUs with their own member-day price (明前龙井 100g among them)
    await page.goto(shop.url('/shop/#/member/pages/member-day/index'));
    await page.locator('.md-offer', { hasText: '明前龙井 100g' }).locator('.member-day-price', { hasText: '¥108.80' }).waitFor();
    await page.locator('.md-offer', { hasText: NUTS }).locator('.member-day-price', { hasText: '¥84.15' }).waitFor();
    await shot(page, 'prices-member-day-page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('addresses: the region picker fills the place; the server refuses 火星 / x / y naming the field', async () => {
    const { page } = await shop.phonePage();
    const errors = consoleErrors(page);
    await shop.openShop(page);
    await page.goto(shop.url('/shop/#/order/pages/address-edit/index'));
    await page.locator('.addr-name input').waitFor();
    expect(shopPath(page)).toBe('/order/pages/address-edit/index');
    await page.locator('.address-save').click();
    await page.locator('.address-region .field-error', { hasText: '请选择所在地区' }).waitFor();
    await page.locator('.addr-name input').fill('张三');
    await page.locator('.addr-phone input').fill('13800138000');
    await page.locator('.region-value').click();
    await page.locator('.weui-picker__group:visible').first().waitFor();
    await pickColumn(page, 0, '浙江省');
    await pickColumn(page, 1, '杭州市');
    await pickColumn(page, 2, '西湖区');
    await shot(page, 'address-region-picker');
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await page.locator('.region-text', { hasText: '浙江省 杭州市 西湖区' }).waitFor();
    await page.locator('.addr-detail textarea').fill('文三路 100 号');
    await shot(page, 'address-region-chosen');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/addresses') && r.request().method() === 'POST');
    await page.locator('.address-save').click();
    const body = (await (await saved).json()) as { province: string; city: string; district: string };
    expect(body).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区' });

    // the server checks the same list: what an old client or a forged request sends is refused
    const token = await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const v = localStorage.getItem(localStorage.key(i)!) ?? '';
        const m = /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(v);
        if (m) return m[0];
      }
      return '';
    });
    const mars = await fetch(shop.url('/api/addresses'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: '张三', phone: '13800138000', province: '火星', city: 'x', district: 'y', detail: '1 号' }),
    });
    expect(mars.status).toBe(400);
    expect(await mars.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'province' }] } } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
