import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * The points lottery end to end: staff lower the cost of a draw on the admin page (积分抽奖), a
 * customer earns points by checking in, opens the wheel from 积分中心 and spins; the wheel stops on
 * the prize the server drew and the page shows it with the balance; staff see the draw in the record.
 */
describe('points lottery: staff set the wheel, a customer spins it (admin page and H5 shop)', () => {
  const shop = useShop();

  it('spins once for the cost and shows the server prize and balance', async () => {
    // ---------------------------------------------------------------- staff: 积分抽奖
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/lottery'));
    const cost = admin.locator('#lottery_costPoints');
    await cost.waitFor();
    await admin.locator('#lottery_prizes_4_name').waitFor(); // the demo wheel's five prizes
    await cost.fill('0');
    await admin.locator('.lottery-submit').click();
    await admin.getByText('每次消耗积分须为 1 到 1000000 之间的整数').waitFor(); // refused as typed
    await cost.fill('5');
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/admin/lottery') && r.request().method() === 'PUT');
    await admin.locator('.lottery-submit').click();
    expect((await saved).status()).toBe(200);
    await admin.locator('.ant-message', { hasText: '积分抽奖已保存' }).waitFor();

    // ---------------------------------------------------------------- customer: 5 points from the check-in
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.home-banner-checkin').click();
    await page.locator('.checkin-button').click();
    await page.locator('.checkin-balance', { hasText: /^5$/ }).waitFor();

    // ---------------------------------------------------------------- 积分抽奖
    await page.locator('.lottery-entry').click();
    await page.locator('.lottery-cost', { hasText: '每次消耗 5 积分' }).waitFor();
    expect(shopPath(page)).toBe('/points/pages/lottery/index');
    await page.locator('.lottery-left', { hasText: '今日还可抽 3 次' }).waitFor();
    await page.locator('.lottery-balance', { hasText: '我的积分 5' }).waitFor();
    expect(await page.locator('.lottery-prize-name').count()).toBe(5);

    const drawn = page.waitForResponse((r) => r.url().endsWith('/api/lottery/draw') && r.request().method() === 'POST');
    await page.locator('.lottery-go').click();
    const res = await drawn;
    expect(res.status()).toBe(200);
    const { prize, balance } = (await res.json()) as { prize: { name: string; kind: string; points?: number }; balance: number };
    expect(balance).toBe(prize.kind === 'POINTS' ? prize.points : 0);
    await page.locator('.lottery-result-title', { hasText: prize.kind === 'NONE' ? prize.name : `恭喜抽中 ${prize.name}` }).waitFor();
    await page.locator('.lottery-balance', { hasText: `我的积分 ${balance}` }).waitFor();
    await page.locator('.lottery-left', { hasText: '今日还可抽 2 次' }).waitFor();
    await shot(page, 'lottery-result');
    expect(errors).toEqual([]);

    // ---------------------------------------------------------------- staff: the draw record
    await admin.reload();
    await admin.locator('.lottery-draws', { hasText: prize.name }).waitFor();
    await screenshot(admin, 'admin-lottery');
    expect(adminErrors).toEqual([]);
  });
});
