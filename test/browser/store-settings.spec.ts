import type { Locator, Page } from 'playwright-core';
import { screenshot, shot, useShop } from '../support/shop';

/**
 * 店铺设置 end to end: staff change the shipping fee and the free-shipping threshold on the admin page
 * and the H5 shop charges by them — the cart's 含运费 / 免运费 and the checkout's 运费 and 满额包邮 rows.
 * Settings reach the pricing through the config cache (up to 5 s on another instance), so the shop
 * is reloaded until the new value shows. Out-of-range amounts are refused with the field's sentence,
 * kept as typed, and never sent.
 */

const PRODUCT = '纯棉短袖 T 恤'; // demo catalog: ¥79.00, below the demo's ¥99 free-shipping threshold (fee ¥8.00)

/** Reloads `page` until `locator` contains `text` (the settings may take a few seconds to reach the pricing). */
async function reloadUntil(page: Page, locator: Locator, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.reload();
    await locator.waitFor();
    const shown = (await locator.textContent()) ?? '';
    if (shown.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`still "${shown}" after ${timeoutMs} ms, not "${text}"`);
    await page.waitForTimeout(250);
  }
}

describe('店铺设置: staff change the shipping rules and the shop charges by them (admin page and H5 shop)', () => {
  const shop = useShop();

  it('a new shipping fee and threshold reach the cart and the checkout; out-of-range amounts are refused and not saved', async () => {
    // ---------------------------------------------------------------- shopper: one T-shirt in the cart
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    const token = await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const m = /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(localStorage.getItem(localStorage.key(i)!) ?? '');
        if (m) return m[0];
      }
      return '';
    });
    const shopper = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    const found = (await (await fetch(shop.url(`/api/products?q=${encodeURIComponent(PRODUCT)}`))).json()) as { items: { id: number; title: string }[] };
    const product = (await (await fetch(shop.url(`/api/products/${found.items.find((p) => p.title === PRODUCT)!.id}`))).json()) as {
      skus: { id: number; specs: Record<string, string> }[];
    };
    const sku = product.skus.find((s) => s.specs.颜色 === '白' && s.specs.尺码 === 'M')!;
    const put = await fetch(shop.url('/api/cart/items'), { method: 'PUT', headers: shopper, body: JSON.stringify({ skuId: sku.id, qty: 1 }) });
    expect(put.status).toBe(200);

    const cartSub = page.locator('.cart-total-sub');
    await page.goto(shop.url('/shop/#/pages/cart/index'));
    await page.locator('.cart-line', { hasText: PRODUCT }).waitFor();
    await expect(cartSub.textContent()).resolves.toContain('含运费 ¥8.00');

    // ---------------------------------------------------------------- staff: 店铺设置
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    let staffToken = '';
    const puts: string[] = [];
    admin.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/api/admin/settings')) puts.push(r.postData() ?? '');
    });
    admin.on('response', async (r) => {
      if (r.url().endsWith('/api/admin/auth/login') && r.status() === 200) staffToken = ((await r.json()) as { token: string }).token;
    });
    await shop.loginAdmin(admin);
    await admin.locator('.ant-menu').first().getByText('店铺设置').click();
    const fee = admin.locator('#settings_shippingFee');
    const threshold = admin.locator('#settings_freeShippingThreshold');
    await fee.waitFor();
    expect(await fee.inputValue()).toBe('8.00');
    expect(await threshold.inputValue()).toBe('99.00');
    const fieldError = (input: Locator) => admin.locator('.ant-form-item', { has: input }).locator('.ant-form-item-explain-error');
    const saveButton = admin.locator('.settings-submit');
    const savedSettings = async () => {
      const res = await fetch(shop.url('/api/admin/settings'), { headers: { Authorization: `Bearer ${staffToken}` } });
      return (await res.json()) as { shippingFeeCents: number; freeShippingThresholdCents: number | null };
    };

    // out of range: refused with the field's sentence, kept as typed, nothing sent
    await fee.fill('1000.01');
    await threshold.fill('100000.01');
    await saveButton.click();
    await fieldError(fee).filter({ hasText: '运费须为 0 到 1000 元之间，最多两位小数' }).waitFor();
    await fieldError(threshold).filter({ hasText: '包邮门槛须为 0 到 100000 元之间，最多两位小数' }).waitFor();
    expect(await fee.inputValue()).toBe('1000.01');
    expect(await threshold.inputValue()).toBe('100000.01');
    await fee.fill('8.123'); // more than two decimals: the same sentence
    await saveButton.click();
    await fieldError(fee).filter({ hasText: '运费须为 0 到 1000 元之间，最多两位小数' }).waitFor();
    await fee.scrollIntoViewIfNeeded();
    await screenshot(admin, 'store-settings-refused');
    expect(puts).toEqual([]);
    expect(await savedSettings()).toMatchObject({ shippingFeeCents: 800, freeShippingThresholdCents: 9900 });
    await expect(cartSub.textContent()).resolves.toContain('含运费 ¥8.00');

    // a new fee, the threshold as it was
    await fee.fill('12.5');
    await threshold.fill('99');
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/admin/settings') && r.request().method() === 'PUT');
    await saveButton.click();
    expect((await saved).status()).toBe(200);
    await admin.locator('.ant-message', { hasText: '店铺设置已保存' }).waitFor();
    expect(puts.map((body) => JSON.parse(body))).toEqual([expect.objectContaining({ shippingFeeCents: 1250, freeShippingThresholdCents: 9900 })]);
    expect(await fieldError(fee).count()).toBe(0);
    await fee.scrollIntoViewIfNeeded();
    await screenshot(admin, 'store-settings-saved');

    // ---------------------------------------------------------------- shopper: the new fee
    await reloadUntil(page, cartSub, '含运费 ¥12.50');
    await shot(page, 'store-settings-cart-fee');
    await page.locator('.go-checkout').click();
    await page.locator('.checkout-line', { hasText: PRODUCT }).waitFor();
    await expect(page.locator('.shipping-amount').textContent()).resolves.toBe('¥12.50');
    expect(await page.locator('.adjustment-label', { hasText: '满额包邮' }).count()).toBe(0);
    await shot(page, 'store-settings-checkout-fee');

    // ---------------------------------------------------------------- staff: free shipping from ¥50
    await threshold.fill('50');
    const saved2 = admin.waitForResponse((r) => r.url().endsWith('/api/admin/settings') && r.request().method() === 'PUT');
    await saveButton.click();
    expect((await saved2).status()).toBe(200);
    expect(await savedSettings()).toMatchObject({ shippingFeeCents: 1250, freeShippingThresholdCents: 5000 });
    expect(adminErrors).toEqual([]);

    // ---------------------------------------------------------------- shopper: shipping waived
    await page.goto(shop.url('/shop/#/pages/cart/index'));
    await reloadUntil(page, cartSub, '免运费');
    await shot(page, 'store-settings-cart-free');
    await page.locator('.go-checkout').click();
    const waiver = page.locator('.breakdown-row.adjustment', { hasText: '满额包邮' });
    await waiver.waitFor();
    await expect(waiver.locator('.adjustment-amount').textContent()).resolves.toBe('-¥12.50');
    await expect(page.locator('.shipping-amount').textContent()).resolves.toBe('¥12.50');
    await shot(page, 'store-settings-checkout-free');
    expect(errors).toEqual([]);
  });
});
