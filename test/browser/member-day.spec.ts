import { fen, shopPath, shot, useShop } from '../support/shop';

/**
 * A member day from the merchant's form to the customer's phone, on the server's dev clock:
 * staff create a weekly member day in the admin page (a time window, paid members, a member-day price
 * for one SKU and a rate for one category), check its preview (calendar and table) before saving, and
 * save it; shortly before it starts the H5 shop's home counts down to it; the customer buys the monthly
 * card; once the clock is inside the window the home says it is on, the landing page lists its offers and
 * the product page (and checkout) charge the member-day price.
 *
 * The dates: 10:00 Shanghai on 1 March of next year is "now" for the whole journey (Shanghai has no DST,
 * UTC+8); the member day is on the weekday of 3 March, 10:00–22:00, so it never falls on the demo's
 * monthly member day (the 7th) when the customer sees it.
 */

const SKU_PRODUCT = '碧螺春 罐装'; // demo catalog: one SKU 50g, list ¥59.00, member ¥53.00, no member-day price of its own
const SKU_PRICE = 4500; // what staff type: ¥45.00
const RATE_CATEGORY = '红茶'; // 正山小种, 滇红金芽, 冷泡红茶包
const RATE_PRODUCT = '滇红金芽'; // list ¥88.00, member ¥79.00 → 8 折 = ¥70.40
const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const year = new Date().getUTCFullYear() + 1;
/** An instant from Shanghai wall-clock time (UTC+8) on a day of March (days past the end roll over). */
const shanghai = (day: number, hour: number, minute = 0) => new Date(Date.UTC(year, 2, day, hour - 8, minute));
/** `YYYY-MM-DD` of an instant, in Shanghai. */
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);

const START = shanghai(1, 10); // the dev clock while staff work
const FIRST = shanghai(3, 10); // the first occurrence starts here
const isoWeekday = ((FIRST.getUTCDay() + 6) % 7) + 1; // FIRST is 02:00 UTC: the same day in Shanghai
const WEEKDAY = WEEKDAY_LABELS[isoWeekday - 1];
const NAME = `每${WEEKDAY}会员日`;
const OCCURRENCES = Array.from({ length: 6 }, (_, i) => shanghaiDate(new Date(FIRST.getTime() + i * 7 * DAY)));

const yuan = (cents: number) => `¥${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

describe('a member day: staff create and preview it, the customer counts down to it and buys at its price', () => {
  const shop = useShop();

  it('creates a weekly member day with a preview before saving, then the shop counts down, goes live and charges its price', async () => {
    await shop.setClock(START);

    // ---------------------------------------------------------------- staff: the form
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    const menu = admin.locator('.ant-menu').first();
    await menu.getByText('会员', { exact: true }).click();
    // the group slides open for ~0.2 s; a click on one of its items during the slide was lost
    // about once in ten runs (the page stayed on the overview), so click once it has opened
    await menu.locator('.ant-menu-submenu-open > .ant-menu-sub:not(.ant-motion-collapse)').waitFor();
    await menu.getByText('会员日', { exact: true }).click();
    await admin.waitForURL('**/admin/member-days');
    await admin.locator('.member-day-row', { hasText: '每月 7 号会员日' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/member-days');

    await admin.locator('.member-day-create').click();
    const modal = admin.locator('.ant-modal');
    await admin.locator('#memberDay_name').fill(NAME);
    await modal.getByText('每周', { exact: true }).click();
    await admin.locator('.member-day-weekdays').getByText(WEEKDAY, { exact: true }).click();
    await admin.locator('#memberDay_start').fill('10:00');
    await admin.locator('#memberDay_end').fill('22:00');
    await expect(modal.locator('.ant-radio-wrapper-checked').allTextContents()).resolves.toEqual(['每周', '付费会员']);

    // a member-day price for the one SKU of 碧螺春
    await admin.locator('.member-day-sku-search').click();
    await admin.locator('.member-day-sku-search input').fill('碧螺春');
    await admin.locator(`.ant-select-item-option[title="${SKU_PRODUCT}"]`).click();
    const skuRow = admin.locator('.member-day-sku', { hasText: SKU_PRODUCT });
    await skuRow.waitFor();
    await expect(skuRow.textContent()).resolves.toContain('原价 ¥59.00');
    await skuRow.locator('input[aria-label="会员日价"]').fill('45');

    // 8 折 on 红茶
    await admin.locator('.member-day-rate-add').click();
    await admin.locator('.member-day-rate .ant-select').first().click();
    await admin.locator(`.ant-select-tree-node-content-wrapper[title="${RATE_CATEGORY}"]`).click();
    await admin.locator('#memberDay_categoryRates_0_zhe').fill('8');
    await admin.locator('.member-day-form-preview').scrollIntoViewIfNeeded();
    await shot(admin, 'admin-member-day-form');

    // ---------------------------------------------------------------- staff: the preview before saving
    const previewed = admin.waitForResponse((r) => r.url().includes('/api/admin/member-days/preview') && r.request().method() === 'POST');
    await admin.locator('.member-day-form-preview').click();
    expect((await previewed).status()).toBe(200);
    const drawer = admin.locator('.member-day-draft-preview');
    await drawer.locator('.member-day-occurrence').first().waitFor();
    await admin.getByText(`预览（未保存）：${NAME}`).waitFor();
    await expect(drawer.locator('.member-day-occurrence').allTextContents()).resolves.toEqual(OCCURRENCES.map((d) => `${d}（${WEEKDAY}）10:00–22:00`));
    const marked = await drawer.locator('.member-day-preview-date').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    expect(marked).toEqual(OCCURRENCES);
    const prices = async (title: string) =>
      (await drawer.locator('.member-day-preview-skus tbody tr', { hasText: title }).first().locator('td').allTextContents()).slice(1);
    await expect(prices(SKU_PRODUCT)).resolves.toEqual(['¥59.00', '¥53.00', yuan(SKU_PRICE)]);
    await expect(prices(RATE_PRODUCT)).resolves.toEqual(['¥88.00', '¥79.00', yuan(7040)]);
    await shot(admin, 'admin-member-day-preview');
    // nothing saved yet
    expect(await admin.locator('.member-day-row', { hasText: NAME }).count()).toBe(0);

    // ---------------------------------------------------------------- staff: save
    await admin.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    const saved = admin.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/member-days' && r.request().method() === 'POST');
    await admin.locator('.member-day-submit').click();
    expect((await saved).status()).toBe(201);
    const row = admin.locator('.member-day-row', { hasText: NAME });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(new RegExp(`每${WEEKDAY}.*10:00–22:00.*付费会员.*1 个 SKU.*1 个分类`));
    // the saved rule previews the same
    await row.locator('.member-day-preview-button').click();
    const savedPreview = admin.locator('.member-day-preview:not(.member-day-draft-preview)');
    await savedPreview.locator('.member-day-occurrence').first().waitFor();
    await expect(savedPreview.locator('.member-day-preview-date').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).resolves.toEqual(OCCURRENCES);
    await shot(admin, 'admin-member-day-saved');
    await admin.locator('.ant-drawer-close').click();
    expect(adminErrors).toEqual([]);
    await admin.close();

    // ---------------------------------------------------------------- customer: two minutes before it starts
    await shop.setClock(new Date(FIRST.getTime() - 2 * 60_000));
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.product-card').first().waitFor();
    const banner = page.locator('.member-day-banner');
    await banner.locator('.home-banner-title', { hasText: '会员日即将开始' }).waitFor();
    await expect(banner.locator('.home-banner-name').textContent()).resolves.toBe(NAME);
    await expect(banner.locator('.home-banner-countdown-label').textContent()).resolves.toBe('距开始');
    const countdown = banner.locator('.home-banner-countdown');
    const first = await countdown.textContent();
    expect(first).toMatch(/^00:0[12]:\d{2}$/);
    await page.waitForFunction((before) => document.querySelector('.home-banner-countdown')?.textContent !== before, first); // it ticks
    await shot(page, 'member-day-home-upcoming');

    // its landing page: not yet on, the offers announced
    await banner.click();
    await page.locator('.md-state', { hasText: `下一场 ${OCCURRENCES[0]}` }).waitFor();
    expect(shopPath(page)).toBe('/member/pages/member-day/index');
    await expect(page.locator('.md-countdown-label').textContent()).resolves.toBe('距开始');
    await expect(page.locator('.md-countdown').textContent()).resolves.toMatch(/^00:0[012]:\d{2}$/);
    await page.locator('.md-offer', { hasText: SKU_PRODUCT }).locator('.member-day-price', { hasText: yuan(SKU_PRICE) }).waitFor();
    await shot(page, 'member-day-landing-upcoming');

    // the audience is paid members: buy the monthly card (WeChat simulator's cashier)
    await page.locator('.md-join').click();
    await page.locator('.member-status', { hasText: '未开通' }).waitFor();
    const ordered = page.waitForResponse((r) => r.url().endsWith('/api/membership/orders') && r.request().method() === 'POST');
    await page.locator('.plan-card', { hasText: '月卡' }).locator('.buy-plan').click();
    expect((await ordered).status()).toBe(201);
    await page.waitForURL(/\/_sim\/pay-page\?/);
    await page.locator('#pay').click();
    await page.waitForURL((url) => url.pathname === '/shop/' && url.hash.startsWith('#/member/pages/center/index'), { timeout: 20_000 });
    await page.locator('.member-status', { hasText: /^会员 · 有效期至 \d{4}-\d{2}-\d{2}$/ }).waitFor();

    // ---------------------------------------------------------------- customer: inside the window
    await shop.setClock(new Date(FIRST.getTime() + 5 * 60_000));
    await page.goto(shop.url('/shop/#/pages/home/index'));
    await page.reload(); // a fresh start of the shop, as when the customer opens it again
    await banner.locator('.home-banner-title', { hasText: '会员日进行中' }).waitFor();
    await expect(banner.locator('.home-banner-name').textContent()).resolves.toBe(NAME);
    await expect(banner.locator('.home-banner-countdown-label').textContent()).resolves.toBe('距结束');
    await expect(countdown.textContent()).resolves.toMatch(/^11:5[45]:\d{2}$/); // until 22:00
    await shot(page, 'member-day-home-live');

    await banner.click();
    await page.locator('.md-state', { hasText: '会员日进行中' }).waitFor();
    await page.locator('.md-offers .card-title', { hasText: '会员日特价' }).waitFor();
    const offer = (title: string) => page.locator('.md-offer', { hasText: title });
    await expect(offer(SKU_PRODUCT).locator('.member-day-price').textContent()).resolves.toBe(yuan(SKU_PRICE));
    await expect(offer(SKU_PRODUCT).locator('.list-price').textContent()).resolves.toBe('¥59.00');
    await expect(offer(RATE_PRODUCT).locator('.member-day-price').textContent()).resolves.toBe(yuan(7040));
    expect(await page.locator('.md-join').count()).toBe(0); // a member now
    await shot(page, 'member-day-landing-live');

    // the product page shows the member-day price as the price the member pays, and checkout charges it
    await offer(SKU_PRODUCT).click();
    await page.locator('.detail-title', { hasText: SKU_PRODUCT }).waitFor();
    await page.locator('.detail-price', { hasText: yuan(SKU_PRICE) }).waitFor();
    await expect(page.locator('.detail-price-label').textContent()).resolves.toBe('会员日价');
    await expect(page.locator('.detail-list-price').textContent()).resolves.toBe('¥59.00');
    expect(await page.locator('.detail-member-price').count()).toBe(0); // a member: no card to sell
    await shot(page, 'member-day-product');

    await page.locator('.buy-now').click();
    await page.locator('.checkout-line').first().waitFor();
    await expect(page.locator('.checkout-line-price').first().textContent()).resolves.toBe(yuan(SKU_PRICE));
    // the breakdown: list price, then the member-day discount off it
    expect(fen(await page.locator('.goods-amount').textContent())).toBe(5900);
    const discount = page.locator('.breakdown-row.adjustment', { hasText: /会员日/ });
    await expect(discount.locator('.adjustment-amount').textContent()).resolves.toBe(`-${yuan(5900 - SKU_PRICE)}`);
    await shot(page, 'member-day-checkout');

    expect(errors).toEqual([]);
    await page.close();
  });
});
