import { screenshot, useShop } from '../support/shop';

/**
 * The dashboard's 积分 and 分销 sections on the built admin page: two customers check in, one of them came through the
 * demo distributor's link (DEMO01) and buys through the WeChat simulator; 数据概览 then charts those figures.
 * Each figure is the report's answer before the activity plus what the activity added.
 */
const ADDRESS = { name: '王五', phone: '13700137000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号' };

describe('dashboard: points and distribution sections (admin page)', () => {
  const shop = useShop();

  const api = async <T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(shop.url(path), {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const login = async (openid: string, ref?: string) =>
    (await api<{ token: string }>('/api/auth/wechat-login', { method: 'POST', body: { code: `test:${openid}`, ...(ref ? { ref } : {}) } })).token;
  const count = (n: number) => n.toLocaleString('zh-CN');
  const yuan = (cents: number) => `¥${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

  type Points = { from: string; to: string; issued: number; checkIn: { customers: number } };
  type Distribution = { sales: { distributorCents: number }; funnel: { bound: number; buyers: number } };

  it('charts the check-ins and the distributor sale just made', async () => {
    const staff = (await api<{ token: string }>('/api/admin/auth/login', { method: 'POST', body: { username: 'admin', password: 'admin123' } })).token;
    const before = {
      points: await api<Points>('/api/admin/reports/points', { token: staff }),
      distribution: await api<Distribution>('/api/admin/reports/distribution', { token: staff }),
    };

    // points: two customers check in today
    const first = await login('dash-points-1');
    const friend = await login('dash-points-2', 'DEMO01'); // came through the demo distributor's link: bound
    let awarded = 0;
    for (const token of [first, friend]) awarded += (await api<{ pointsAwarded: number }>('/api/points/check-in', { method: 'POST', token })).pointsAwarded;

    // a distributor sale: the friend buys 全麦吐司 and pays in the simulator
    const product = (await api<{ items: { id: number }[] }>(`/api/products?q=${encodeURIComponent('全麦吐司')}`)).items[0];
    const sku = (await api<{ skus: { id: number }[] }>(`/api/products/${product.id}`)).skus[0];
    const addressId = (await api<{ id: number }>('/api/addresses', { method: 'POST', token: friend, body: ADDRESS })).id;
    const order = await api<{ id: number; payableCents: number }>('/api/orders', { method: 'POST', token: friend, body: { items: [{ skuId: sku.id, qty: 1 }], addressId } });
    const pay = await api<{ params: { package: string }; simulatorPayUrl: string }>(`/api/orders/${order.id}/pay`, { method: 'POST', token: friend });
    await fetch(new URL('/_sim/pay', pay.simulatorPayUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prepayId: pay.params.package.replace(/^prepay_id=/, '') }),
    });
    for (let i = 0; (await api<{ status: string }>(`/api/orders/${order.id}`, { token: friend })).status !== 'PAID'; i++) {
      if (i > 50) throw new Error('the order was not paid');
      await new Promise((r) => setTimeout(r, 100));
    }

    const { page, errors } = await shop.adminPage();
    await shop.loginAdmin(page);
    await page.setViewportSize({ width: 1280, height: 2600 });
    const points = page.locator('.points-section');
    await points.locator('.points-issued', { hasText: count(before.points.issued + awarded) }).waitFor();
    await points.locator('.points-checkin-customers', { hasText: count(before.points.checkIn.customers + 2) }).waitFor();
    const today = before.points.to.slice(5);
    await points.locator('.points-flow-chart svg', { hasText: today }).waitFor();
    await points.locator('.points-checkin-chart svg', { hasText: '签到人数' }).waitFor();
    await points.locator('.points-redemption-chart svg').waitFor();
    await points.locator('.points-liability .liability-outstanding').waitFor();

    const distribution = page.locator('.distribution-section');
    await distribution.locator('.distribution-sales', { hasText: yuan(before.distribution.sales.distributorCents + order.payableCents) }).waitFor();
    await distribution.locator('.distribution-funnel-chart svg', { hasText: `新绑定客户 ${before.distribution.funnel.bound + 1}` }).waitFor();
    await distribution.locator('.distribution-funnel-chart svg', { hasText: `下单客户 ${before.distribution.funnel.buyers + 1}` }).waitFor();
    await distribution.locator('.distribution-sales-chart svg', { hasText: '分销员' }).waitFor();
    await distribution.locator('.distribution-top tbody tr', { hasText: 'DEMO01' }).waitFor();
    await points.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-points-distribution');
    await distribution.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-points-distribution-2');
    expect(errors).toEqual([]);
  });
});
