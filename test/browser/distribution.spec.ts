import type { Page } from 'playwright-core';
import { launchBrowser, trackErrors } from '../support/browser';
import { fen, screenshot, shopPath, shot, useShop } from '../support/shop';

/**
 * KOC distribution end to end (issue 17, "Proof"): a customer applies in 推广中心, staff approve on
 * 分销员, the distributor opens the poster; a second customer opens the share link in a fresh
 * browser, logs in with its ref and buys through the simulator's cashier; the distributor sees the
 * pending commission; once the order is completed and the after-sale window has passed (dev clock,
 * `settle-commission`), the distributor asks to withdraw and staff approve it on 提现审核.
 */

const PRODUCT = '全麦吐司'; // demo catalog: one SKU, ¥19.90, no member price
const ADDRESS = { name: '李四', phone: '13900139000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' };
const DAY = 24 * 60 * 60 * 1000;

describe('KOC distribution: apply, approve, poster, a shared link bought through, commission settled and withdrawn (H5 shop and admin page)', () => {
  const shop = useShop();

  const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(shop.url(path), {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const runJob = async (name: string) => ((await api('/api/dev/jobs/run', { method: 'POST', body: { name } })) as { result: Record<string, unknown> }).result;
  /** The H5 customer's token (Taro keeps storage as `{"data": …}` JSON). */
  const shopToken = async (page: Page): Promise<string> => {
    const raw = await page.evaluate(() => localStorage.getItem('mc.token'));
    const token = raw ? (JSON.parse(raw) as { data?: string }).data : undefined;
    if (!token) throw new Error('the shop is not logged in');
    return token;
  };
  const adminToken = async (page: Page): Promise<string> => (await page.evaluate(() => localStorage.getItem('mc_admin_token')))!;
  /** Taro H5's showModal: the last button of its foot is the confirm one. */
  const confirmModal = async (page: Page, text: string) => {
    const modal = page.locator('.taro__modal', { hasText: text });
    await modal.locator('.taro-modal__foot > *').last().click();
  };

  it('a customer becomes a distributor, a friend buys through the link, the commission settles and is paid out', async () => {
    // ---------------------------------------------------------------- customer A: 我的 → 推广中心, apply
    const { page, errors } = await shop.phonePage();
    await shop.openShop(page);
    await page.goto(shop.url('/shop/#/pages/me/index'));
    await page.getByText('推广中心', { exact: true }).click();
    const reason = page.locator('.dist-apply-reason textarea');
    await reason.waitFor();
    expect(shopPath(page)).toBe('/distributor/pages/index/index');
    await reason.fill('在朋友圈和小区群里分享好吃的');
    await shot(page, 'distribution-apply');
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/distributors/apply') && r.request().method() === 'POST');
    await page.locator('.dist-apply-submit').click();
    expect((await applied).status()).toBeLessThan(300);
    await page.locator('.dist-pending .dist-notice-title', { hasText: '申请审核中' }).waitFor();
    await shot(page, 'distribution-pending');

    // ---------------------------------------------------------------- staff: 分销员 → 申请审核, approve
    const { page: admin, errors: adminErrors } = await shop.adminPage();
    await shop.loginAdmin(admin);
    await admin.goto(shop.url('/admin/distributors'));
    const application = admin.locator('.distributor-row', { hasText: '在朋友圈和小区群里分享好吃的' });
    await application.waitFor();
    await screenshot(admin, 'distribution-admin-applications');
    await application.locator('.distributor-approve').click();
    const approved = admin.waitForResponse((r) => /\/api\/admin\/distributors\/\d+\/approve$/.test(r.url()));
    await admin.locator('.distributor-approve-confirm').click();
    expect((await approved).status()).toBeLessThan(300);
    await admin.locator('.ant-message', { hasText: '已通过申请' }).waitFor();
    await application.waitFor({ state: 'detached' });
    await admin.getByRole('tab', { name: '分销员与导购' }).click();
    const listed = admin.locator('.distributor-row', { has: admin.locator('.distributor-status', { hasText: '已通过' }) }).filter({ hasNotText: 'DEMO01' });
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    await shot(admin, 'distribution-admin-distributors');

    // ---------------------------------------------------------------- distributor: the ref code and the poster
    await page.reload();
    const codeText = page.locator('.dist-code-value');
    await codeText.waitFor();
    const refCode = (await codeText.textContent())!.trim();
    expect(refCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    await expect(listed.first().textContent()).resolves.toContain(refCode);
    await shot(page, 'distribution-center');

    const posterImage = async (name: string) => {
      const img = page.locator('.poster-image img');
      await img.waitFor();
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLImageElement>('.poster-image img');
        return el !== null && el.complete && el.naturalWidth > 0;
      });
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
      await shot(page, name);
    };
    await page.locator('.entry-poster').click();
    await posterImage('distribution-poster-home');
    expect(shopPath(page)).toBe('/distributor/pages/poster/index');

    // the product's own share: the share bar on its page, its poster and the path with the ref
    const found = (await api(`/api/products?q=${encodeURIComponent(PRODUCT)}`)) as { items: { id: number; title: string }[] };
    const product = found.items.find((p) => p.title === PRODUCT)!;
    await page.goto(shop.url(`/shop/#/pages/product/index?id=${product.id}`));
    await page.locator('.share-bar').waitFor();
    const share = page.waitForResponse((r) => r.url().includes(`/api/distributors/me/share?productId=${product.id}`) && r.status() === 200);
    await page.locator('.share-poster').click();
    const payload = (await (await share).json()) as { path: string; posterUrl: string };
    expect(payload.path).toBe(`pages/product/index?id=${product.id}&ref=${refCode}`);
    await posterImage('distribution-poster-product');

    // ---------------------------------------------------------------- customer B: the share link in a fresh browser
    const friendBrowser = await launchBrowser();
    try {
      const friend = await friendBrowser.newPage();
      const friendErrors = trackErrors(friend);
      const login = friend.waitForResponse((r) => r.url().endsWith('/api/auth/wechat-login') && r.status() === 200);
      await friend.goto(shop.url(`/shop/#/${payload.path}`));
      const loginRes = await login;
      expect(loginRes.request().postDataJSON()).toMatchObject({ ref: refCode });
      await friend.locator('.detail-title', { hasText: PRODUCT }).waitFor();
      await friend.locator('.detail-stock', { hasText: /^库存 \d+ 件$/ }).waitFor();
      expect(await friend.locator('.share-bar').count()).toBe(0); // not a distributor: no share row
      await shot(friend, 'distribution-friend-product');

      const friendToken = await shopToken(friend);
      await api('/api/addresses', { method: 'POST', token: friendToken, body: ADDRESS });
      await friend.locator('.buy-now').click();
      await friend.locator('.address-card .address-name', { hasText: ADDRESS.name }).waitFor();
      expect(shopPath(friend)).toBe('/order/pages/checkout/index');
      await shot(friend, 'distribution-friend-checkout');
      const placed = friend.waitForResponse((r) => r.url().endsWith('/api/orders') && r.request().method() === 'POST');
      await friend.locator('.submit-order').click();
      const placedRes = await placed;
      expect(placedRes.status()).toBe(201);
      const order = (await placedRes.json()) as { id: number; orderNo: string };
      await friend.waitForURL(/\/_sim\/pay-page\?/);
      await friend.locator('#pay').waitFor();
      await shot(friend, 'distribution-friend-pay');
      await friend.locator('#pay').click();
      await friend.locator('.pay-success-title', { hasText: '支付成功' }).waitFor();
      await shot(friend, 'distribution-friend-paid');
      expect(friendErrors).toEqual([]);

      // ---------------------------------------------------------------- distributor: the pending commission
      await page.goto(shop.url('/shop/#/distributor/pages/index/index'));
      await page.locator('.dist-bound .dist-cell-value', { hasText: /^1$/ }).waitFor();
      await page.locator('.entry-commissions').click();
      const row = page.locator('.commission-row', { hasText: order.orderNo });
      await row.waitFor();
      await row.locator('.commission-status-pending', { hasText: '待结算' }).waitFor();
      const sub = (await row.locator('.dist-record-sub').first().textContent())!;
      const baseCents = fen(sub.slice(sub.indexOf('实付')));
      expect(baseCents).toBe(1990); // the bread's price, no discount, shipping not counted
      const commissionCents = Math.round((baseCents * 1000) / 10000); // the store default: 10 %
      expect(fen(await row.locator('.dist-amount').textContent())).toBe(commissionCents);
      await shot(page, 'distribution-commission-pending');

      // ---------------------------------------------------------------- the order completes; the window closes
      await api(`/api/admin/orders/${order.id}/ship`, { method: 'POST', token: await adminToken(admin), body: { carrier: '顺丰速运', trackingNo: `SF${order.id}` } });
      await api(`/api/orders/${order.id}/confirm`, { method: 'POST', token: friendToken });
      expect(await runJob('settle-commission')).toEqual({ settled: 0 }); // the after-sale window is still open
      await shop.setClock(new Date(Date.now() + 8 * DAY));
      expect(await runJob('settle-commission')).toEqual({ settled: 1 });

      // ---------------------------------------------------------------- distributor: withdraw all of it
      await page.goto(shop.url('/shop/#/distributor/pages/index/index'));
      await page.locator('.dist-available-value', { hasText: `¥${(commissionCents / 100).toFixed(2)}` }).waitFor();
      await page.locator('.dist-pending-cents .dist-cell-value', { hasText: '¥0.00' }).waitFor();
      await shot(page, 'distribution-settled');
      await page.locator('.dist-withdraw').click();
      await page.locator('.withdraw-all').click();
      await expect(page.locator('.withdraw-amount input').inputValue()).resolves.toBe((commissionCents / 100).toFixed(2));
      const withdrawn = page.waitForResponse((r) => r.url().endsWith('/api/distributors/me/withdrawals') && r.request().method() === 'POST');
      await page.locator('.withdraw-submit').click();
      await confirmModal(page, `提现 ¥${(commissionCents / 100).toFixed(2)} 到微信零钱`);
      const withdrawnRes = await withdrawn;
      expect(withdrawnRes.status()).toBe(201);
      expect(withdrawnRes.request().headers()['idempotency-key']).toBeTruthy();
      await page.locator('.withdrawal-row .withdrawal-status-pending').waitFor();
      await shot(page, 'distribution-withdraw-asked');

      // ---------------------------------------------------------------- staff: 提现审核 (signed in again: 8 days later)
      await admin.goto(shop.url('/admin/'));
      await admin.evaluate(() => localStorage.removeItem('mc_admin_token'));
      await shop.loginAdmin(admin);
      await admin.goto(shop.url('/admin/withdrawals'));
      const request = admin.locator('.withdrawal-row', { hasText: refCode });
      await request.waitFor();
      await request.locator('.withdrawal-approve').click();
      await admin.locator('.withdrawal-approve-amount', { hasText: (commissionCents / 100).toFixed(2) }).waitFor();
      await screenshot(admin, 'distribution-admin-withdrawal-approve');
      const paid = admin.waitForResponse((r) => /\/api\/admin\/withdrawals\/\d+\/approve$/.test(r.url()));
      await admin.locator('.withdrawal-approve-submit').click();
      expect((await paid).status()).toBeLessThan(300);
      await request.waitFor({ state: 'detached' }); // no longer 待审核
      await admin.locator('.withdrawal-status-tabs').getByRole('tab', { name: '全部' }).click();
      await admin.locator('.withdrawal-row', { hasText: refCode }).locator('.withdrawal-status', { hasText: '已到账' }).waitFor();
      await shot(admin, 'distribution-admin-withdrawal-paid');
      expect(adminErrors).toEqual([]);

      // ---------------------------------------------------------------- distributor: paid out
      await page.goto(shop.url('/shop/#/distributor/pages/index/index'));
      await page.locator('.dist-withdrawn-cents .dist-cell-value', { hasText: `¥${(commissionCents / 100).toFixed(2)}` }).waitFor();
      await page.locator('.dist-available-value', { hasText: '¥0.00' }).waitFor();
      await shot(page, 'distribution-paid-out');
      expect(errors).toEqual([]);
    } finally {
      await friendBrowser.close();
    }
  });
});
