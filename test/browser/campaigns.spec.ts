import { screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * A campaign end to end: customers check in (the shop's own customer on 积分中心, a few more over
 * the API); staff open 营销活动, count the segments with "checked in on at least 1 day this month",
 * pick that tag, send 66 points to everyone in it, start, and watch the progress reach 已完成 while
 * the run-campaigns job works (run here through the dev route); the shop's customer then finds the
 * points in 积分中心 and the ledger.
 */
describe('campaigns: staff send points to a segment, a recipient finds them (admin page and H5 shop)', () => {
  const shop = useShop();

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(shop.url(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('points to the customers who checked in this month: preview, start, progress to done, the points in the shop', async () => {
    // ---------------------------------------------------------------- customers: the shop's own and three more check in
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.locator('.home-banner-checkin').click();
    await page.locator('.checkin-button').click();
    await page.locator('.checkin-balance', { hasText: /^5$/ }).waitFor();
    expect(shopPath(page)).toBe('/points/pages/index/index');
    for (const name of ['campaign-a', 'campaign-b', 'campaign-c']) {
      const login = await post('/api/auth/wechat-login', { code: `test:${name}` });
      expect(login.status).toBe(200);
      expect((await post('/api/points/check-in', {}, String(login.body.token))).status).toBe(200);
    }

    // ---------------------------------------------------------------- staff: 营销活动 → 客户分层
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.locator('.ant-menu').first().getByText('营销活动').click();
    await admin.locator('#campaign_name').waitFor();
    await admin.getByRole('tab', { name: '客户分层' }).click();
    await admin.locator('#segmentParams_checkInDays').fill('0');
    await admin.locator('.segments-refresh').click();
    await admin.getByText('签到天数须为 1 到 31 之间的整数').waitFor(); // refused as typed
    await admin.locator('#segmentParams_checkInDays').fill('1');
    const counted = admin.waitForResponse((r) => r.url().includes('/api/admin/reports/segments?') && r.url().includes('checkInDays=1'));
    await admin.locator('.segments-refresh').click();
    const report = (await (await counted).json()) as { tags: { tag: string; count: number }[] };
    const active = report.tags.find((t) => t.tag === 'CHECK_IN_ACTIVE')!.count;
    expect(active).toBeGreaterThanOrEqual(4);
    await admin.locator('.segment-tags', { hasText: `本月签到活跃${active}` }).waitFor();
    await screenshot(admin, 'admin-segments');

    // ---------------------------------------------------------------- 营销活动: pick the tag, 66 points, preview, create, start
    await admin.getByRole('tab', { name: '营销活动' }).click();
    await admin.locator('#campaign_name').fill('签到回馈');
    await admin.locator('#campaign_tags').click();
    await admin.locator('.ant-select-item-option', { hasText: `本月签到活跃（${active}）` }).click();
    await admin.locator('#campaign_name').click(); // close the dropdown
    await admin.locator('#campaign_points').fill('100001');
    await admin.locator('.campaign-submit').click();
    await admin.getByText('积分须为 1 到 100000 之间的整数').waitFor();
    await admin.locator('#campaign_points').fill('66');
    await admin.locator('.campaign-preview-button').click();
    await admin.locator('.campaign-preview', { hasText: `将发送给 ${active} 位客户` }).waitFor();
    const created = admin.waitForResponse((r) => r.url().endsWith('/api/admin/campaigns') && r.request().method() === 'POST');
    await admin.locator('.campaign-submit').click();
    expect((await created).status()).toBe(201);
    const row = admin.locator('.campaign-list tbody tr', { hasText: '签到回馈' });
    await row.locator('.campaign-start').click();
    const started = admin.waitForResponse((r) => /\/api\/admin\/campaigns\/\d+\/start$/.test(r.url()));
    await admin.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    expect((await started).status()).toBe(200);
    await row.locator('.campaign-progress', { hasText: `已发送 0 · 失败 0 · 待发送 ${active}` }).waitFor();
    await screenshot(admin, 'admin-campaign-running');

    // the scheduler's job, now: the page's progress follows by itself
    const run = await post('/api/dev/jobs/run', { name: 'run-campaigns' });
    expect(run.status).toBe(200);
    expect(run.body.result).toMatchObject({ campaigns: 1, sent: active, failed: 0, finished: 1 });
    await row.getByText('已完成').waitFor();
    await row.locator('.campaign-progress', { hasText: `已发送 ${active} · 失败 0 · 待发送 0` }).waitFor();
    await row.locator('.campaign-details').click();
    // the drawer's first answer may still be loading: wait for the last recipient's row, then count
    await admin.locator('.campaign-recipients tbody tr', { hasText: '已发送' }).nth(active - 1).waitFor();
    expect(await admin.locator('.campaign-recipients tbody tr', { hasText: '已发送' }).count()).toBe(active);
    await screenshot(admin, 'admin-campaign-done');
    expect(adminErrors).toEqual([]);

    // ---------------------------------------------------------------- the shop's customer: 5 + 66 points, the ledger line
    await page.reload();
    await page.locator('.checkin-balance', { hasText: /^71$/ }).waitFor();
    await page.locator('.checkin-ledger-link').click();
    await page.locator('.points-entry', { hasText: '营销活动：签到回馈' }).locator('.points-entry-delta', { hasText: '+66' }).waitFor();
    await shot(page, 'campaign-points-ledger');
    expect(errors).toEqual([]);
  });
});
