import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * The daily check-in end to end: staff change the daily points on the admin page (签到规则), a
 * customer opens 积分中心 from the home banner, checks in, sees the award, the streak and the day
 * marked in the calendar, and a second tap only says it is done already.
 */
describe('daily check-in: staff set the rules, a customer checks in (admin page and H5 shop)', () => {
  const shop = useShop();

  it('staff raise the daily points; the customer checks in once and gets them', async () => {
    // ---------------------------------------------------------------- staff: 签到规则
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/check-in-rules'));
    const daily = admin.locator('#checkInRules_dailyPoints');
    await daily.waitFor();
    await admin.locator('.check-in-preview-line', { hasText: '第1–7天：5、5、15、5、5、5、35，共 75 积分' }).waitFor();
    await daily.fill('8');
    await admin.locator('.check-in-preview-line', { hasText: '第1–7天：8、8、18、8、8、8、38，共 96 积分' }).waitFor();
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/admin/check-in-rules') && r.request().method() === 'PUT');
    await admin.locator('.check-in-rules-submit').click();
    expect((await saved).status()).toBe(200);
    await admin.locator('.ant-message', { hasText: '签到规则已保存' }).waitFor();
    await admin.locator('.check-in-rules-submit:not(.ant-btn-loading)').waitFor();
    // the picture as saved (shot() waits for every animation to end: once, in CI, one on this page never did within 30 s)
    await screenshot(admin, 'check-in-rules');
    expect(adminErrors).toEqual([]);

    // ---------------------------------------------------------------- customer: 积分中心
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.home-banner-checkin').click();
    await page.locator('.checkin-button-title', { hasText: /^签到$/ }).waitFor();
    expect(shopPath(page)).toBe('/points/pages/index/index');
    await page.locator('.checkin-rules', { hasText: '每天签到得 8 积分' }).waitFor();
    await page.locator('.calendar-cell').first().waitFor();

    const checkedIn = page.waitForResponse((r) => r.url().endsWith('/api/points/check-in') && r.request().method() === 'POST');
    await page.locator('.checkin-button').click();
    const res = await checkedIn;
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ pointsAwarded: 8, streak: 1, balance: 8 });
    await page.locator('.checkin-button-title', { hasText: '今日已签到' }).waitFor();
    await page.locator('.checkin-balance', { hasText: /^8$/ }).waitFor();
    await page.locator('.checkin-streak', { hasText: '已连续签到 1 天' }).waitFor();
    await page.locator('.calendar-day-mark', { hasText: '+8' }).waitFor();
    await shot(page, 'check-in-done');

    // a second tap: told it is done, nothing awarded twice
    await page.locator('.checkin-button').click();
    await page.getByText('今天已经签到过了').waitFor();
    await page.reload();
    await page.locator('.checkin-button-title', { hasText: '今日已签到' }).waitFor();
    await page.locator('.checkin-balance', { hasText: /^8$/ }).waitFor();
    expect(await page.locator('.calendar-day-mark', { hasText: /^\+/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
