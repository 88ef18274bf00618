import { fen, shopPath, shot, useShop } from '../support/shop';

/**
 * Join to save (卖货先卖卡) in the H5 shop: a non-member puts a product with a member price in the cart,
 * sees 开通会员本单立省 at checkout, buys the monthly card in the member center (paid in the WeChat
 * simulator's cashier), and lands back on the same checkout, now priced with the member price.
 */

const PRODUCT = '纯棉短袖 T 恤'; // demo catalog: has a member price

describe('join to save: buying the member card from checkout (H5 shop, WeChat simulator)', () => {
  const shop = useShop();

  it('sees the nudge at checkout, buys the monthly card and comes back to member prices', async () => {
    const { page, errors } = await shop.phonePage();

    // --- home: the member-day banner is live
    await shop.openShop(page);
    await page.locator('.product-card').first().waitFor();
    await page.locator('.member-day-banner .home-banner-title', { hasText: /会员日进行中|距会员日还有 \d+ 天|会员日即将开始/ }).waitFor();
    await shot(page, 'member-home');

    // --- the member-day landing page: countdown and offers
    await page.locator('.member-day-banner').click();
    await page.locator('.md-countdown', { hasText: /^(\d+天 )?\d{2}:\d{2}:\d{2}$/ }).waitFor();
    expect(shopPath(page)).toBe('/member/pages/member-day/index');
    await shot(page, 'member-day');
    await page.goBack();
    await page.locator('.home-search').waitFor();

    // --- product: a non-member sees what the card saves per item
    await page.locator('.home-search').click();
    await page.locator('.search-input input').fill('短袖');
    await page.locator('.search-submit').click();
    await page.locator('.product-card', { hasText: PRODUCT }).click();
    await page.locator('.sku-value').first().waitFor();
    const chip = (value: string) => page.locator('.sku-value', { hasText: new RegExp(`^${value}$`) });
    if (!(await chip('白').getAttribute('class'))?.includes('active')) await chip('白').click();
    if (!(await chip('M').getAttribute('class'))?.includes('active')) await chip('M').click();
    await page.locator('.member-nudge', { hasText: /^开通会员立省 ¥\d+\.\d{2}\/件/ }).waitFor();
    await shot(page, 'member-product-nudge');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/cart/items') && r.request().method() === 'PUT');
    await page.locator('.add-to-cart').click();
    expect((await added).status()).toBe(200);

    // --- cart → checkout: 开通会员本单立省
    await page.locator('.bar-cart').click();
    await page.locator('.cart-line').first().waitFor();
    await page.locator('.go-checkout').click();
    await page.locator('.checkout-line').first().waitFor();
    const nudge = page.locator('.join-nudge');
    await nudge.waitFor();
    expect(await nudge.textContent()).toMatch(/开通会员本单立省 ¥\d+\.\d{2}/);
    const payableBefore = fen(await page.locator('.payable-amount').textContent());
    await shot(page, 'member-checkout-nudge');

    // --- member center (returnTo = this checkout)
    await nudge.click();
    await page.locator('.member-status', { hasText: '未开通' }).waitFor();
    expect(shopPath(page)).toBe('/member/pages/center/index');
    await page.locator('.tier-name').waitFor();
    const monthly = page.locator('.plan-card', { hasText: '月卡' });
    await monthly.waitFor();
    await shot(page, 'member-center');

    const ordered = page.waitForResponse((r) => r.url().endsWith('/api/membership/orders') && r.request().method() === 'POST');
    await monthly.locator('.buy-plan').click();
    const orderedRes = await ordered;
    expect(orderedRes.status()).toBe(201);
    expect(orderedRes.request().headers()['idempotency-key']).toMatch(/^card-/);

    // --- the simulator's cashier
    await page.waitForURL(/\/_sim\/pay-page\?/);
    const payButton = page.locator('#pay');
    await payButton.waitFor();
    await shot(page, 'member-pay-simulator');
    await payButton.click();

    // --- back to the member center, then on to the same checkout, now with member prices
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith('#/order/pages/checkout/index'), { timeout: 20_000 });
    expect(new URL(page.url()).hash).toContain('fromCart=1');
    await page.locator('.checkout-line').first().waitFor();
    await page.locator('.payable-amount').waitFor();
    const payableAfter = fen(await page.locator('.payable-amount').textContent());
    expect(payableAfter).toBeLessThan(payableBefore);
    expect(await page.locator('.join-nudge').count()).toBe(0);
    await shot(page, 'member-checkout-member-price');

    // --- the member center now says 会员
    await page.goto(shop.url('/shop/#/member/pages/center/index'));
    await page.locator('.member-status', { hasText: /^会员 · 有效期至 \d{4}-\d{2}-\d{2}$/ }).waitFor();
    await page.locator('.fast-refund', { hasText: '极速退卡' }).waitFor();
    await shot(page, 'member-center-active');

    expect(errors).toEqual([]);
    await page.close();
  });
});
