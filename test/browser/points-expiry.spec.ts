import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * Points expiry end to end: a customer's check-in points show when they expire on 积分中心; staff
 * see them on the admin page (积分规则: the rules and the liability, what expires each month);
 * after 31 December of the next year the expire-points job takes them and the ledger says so.
 */
describe('points expiry: the customer sees when points expire, staff see the liability, the job expires them (H5 shop and admin page)', () => {
  const shop = useShop();

  const runJob = async (name: string) => {
    const res = await fetch(shop.url('/api/dev/jobs/run'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: Record<string, unknown> }).result;
  };

  it('check-in points of 2026 expire at the end of 2027: the line on 积分中心, the month on the admin page, the EXPIRE entry', async () => {
    // ---------------------------------------------------------------- customer: 积分中心, June 2026
    await shop.setClock('2026-06-01T02:00:00.000Z');
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.home-banner-checkin').click();
    await page.locator('.checkin-button-title', { hasText: /^签到$/ }).waitFor();
    expect(shopPath(page)).toBe('/points/pages/index/index');
    expect(await page.locator('.checkin-expiry').count()).toBe(0); // nothing to expire yet
    await page.locator('.checkin-button').click();
    await page.locator('.checkin-balance', { hasText: /^5$/ }).waitFor();
    await page.locator('.checkin-expiry', { hasText: '5 积分将于 2027-12-31 过期' }).waitFor();
    await shot(page, 'points-expiry-line');

    // ---------------------------------------------------------------- staff: 积分规则, March 2027
    await shop.setClock('2027-03-01T02:00:00.000Z');
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/points-rules'));
    await admin.locator('#pointsRules_pointsExpiryYears').waitFor();
    await admin.locator('.points-expiry-sentence', { hasText: '今天获得的积分将于 2028-12-31 过期' }).waitFor();
    const december = admin.locator('.liability-months tbody tr', { hasText: '2027-12' });
    await december.waitFor();
    const points = Number((await december.locator('td').nth(1).textContent())!.replace(/,/g, ''));
    expect(points).toBeGreaterThanOrEqual(5);
    // a refused value stays as typed, with its message
    await admin.locator('#pointsRules_pointsExpiryYears').fill('11');
    await admin.locator('.points-rules-submit').click();
    await admin.getByText('积分有效期须为 0 到 10 之间的整数').waitFor();
    expect(await admin.locator('#pointsRules_pointsExpiryYears').inputValue()).toBe('11');
    await admin.locator('#pointsRules_pointsExpiryYears').fill('1');
    await admin.getByText('积分有效期须为 0 到 10 之间的整数').waitFor({ state: 'detached' });
    await screenshot(admin, 'points-rules');
    await december.scrollIntoViewIfNeeded();
    await screenshot(admin, 'points-liability');
    expect(adminErrors).toEqual([]);

    // ---------------------------------------------------------------- 1 January 2028 (Shanghai): the job expires them
    await shop.setClock('2027-12-31T16:30:00.000Z');
    const result = await runJob('expire-points');
    expect(result).toMatchObject({ date: '2028-01-01' });
    expect(Number(result.points)).toBeGreaterThanOrEqual(5);
    await page.reload();
    await page.locator('.checkin-balance', { hasText: /^0$/ }).waitFor();
    expect(await page.locator('.checkin-expiry').count()).toBe(0);
    await page.locator('.checkin-ledger-link').click();
    await page.locator('.points-entry', { hasText: '积分过期' }).waitFor();
    await page.locator('.points-entry', { hasText: '有效期至 2027-12-31 及以前的积分已过期' }).locator('.points-entry-delta', { hasText: '-5' }).waitFor();
    await shot(page, 'points-expired-ledger');
    expect(errors).toEqual([]);
  });
});
