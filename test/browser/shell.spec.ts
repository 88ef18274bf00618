import { screenshot, useShop } from '../support/shop';

describe('the product in a real browser (embedded demo database, WeChat simulator)', () => {
  const shop = useShop();

  it('opens the H5 shop, logs in with the demo WeChat code and shows products', async () => {
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.product-card').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.product-card').count()).toBeGreaterThan(3);
    await expect(page.locator('.product-title').first().textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('.product-price').first().textContent()).resolves.toMatch(/¥\d+\.\d{2}/);
    await screenshot(page, 'shop-home');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens /admin, logs in as the demo owner and sees the menu', async () => {
    const { page, errors } = await shop.adminPage();
    const assets: { url: string; cacheControl?: string }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/admin/assets/')) assets.push({ url: r.url(), cacheControl: r.headers()['cache-control'] });
    });
    const opened = await page.goto(shop.url('/admin/'));
    // the page is asked for anew each time (a deploy's new asset names reach browsers at once); its hashed assets are cached
    expect(opened?.headers()['cache-control']).toBe('no-cache');
    await page.locator('#username').waitFor();
    await page.fill('#username', 'admin');
    await page.fill('#password', 'wrong-password');
    await page.click('.login-submit');
    await page.getByText('用户名或密码错误').first().waitFor();
    await page.fill('#password', 'admin123');
    await page.click('.login-submit');
    const menu = page.locator('.ant-menu').first();
    await menu.getByText('概览').waitFor();
    await page.getByText('admin').first().waitFor();
    await menu.getByText('商品', { exact: true }).click();
    await menu.getByText('商品管理').waitFor();
    await screenshot(page, 'admin-dashboard');
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((a) => a.cacheControl === 'public, max-age=3600')).toBe(true);
    // a client-side route opened directly is the same page
    const deep = await page.goto(shop.url('/admin/orders'));
    expect(deep?.status()).toBe(200);
    expect(await deep?.text()).toContain('<div id="root">');
    expect(errors).toEqual([]);
    await page.close();
  });
});
