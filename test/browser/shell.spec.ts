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
    await page.goto(shop.url('/admin/'));
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
    expect(errors).toEqual([]);
    await page.close();
  });
});
