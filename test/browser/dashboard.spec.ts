import { formatBpPercent, formatYuan } from '@mc/shared';
import { shot, useShop } from '../support/shop';

/**
 * The dashboard's member reports on the built server (sql.js demo store): three customers buy on several days through the
 * API, each payment reported by the WeChat simulator at the dev clock's time; the owner opens 概览 and sees the member
 * comparison, card sales, cohorts and member-day charts drawn, with the figures of what was bought.
 *
 * Dates are Shanghai noon in March of next year, away from the demo's member day (the 7th): A buys the monthly card on
 * the 5th and goods on the 6th and the 9th (member orders); B goods on the 6th and the 8th, C on the 9th. The page is
 * opened on the 10th: its default range, the last 7 store days, holds them all.
 */
const year = new Date().getUTCFullYear() + 1;
const noon = (day: number) => new Date(Date.UTC(year, 2, day, 4)).toISOString();
const cents = (n: number) => `¥${formatYuan(n)}`;

describe('dashboard member reports (admin page, built server)', () => {
  const shop = useShop();

  const api = async <T>(path: string, token: string | null, body?: unknown): Promise<T> => {
    const res = await fetch(shop.url(path), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** Pays an order in the simulator, reported at `paidAt`; returns what was charged. */
  const pay = async (token: string, orderId: number, paidAt: string) => {
    const p = await api<{ params: { package: string }; simulatorPayUrl: string }>(`/api/orders/${orderId}/pay`, token, {});
    const paid = await fetch(`${new URL(p.simulatorPayUrl).origin}/_sim/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prepayId: p.params.package, paidAt }) });
    expect(paid.status).toBe(200);
    return (await api<{ payableCents: number }>(`/api/orders/${orderId}`, token)).payableCents;
  };

  it('draws members against the rest, repurchase, card sales, cohorts and member days from the orders paid', async () => {
    const login = async (openid: string) => (await api<{ token: string }>('/api/auth/wechat-login', null, { code: `test:${openid}` })).token;
    const [a, b, c] = [await login('dash-a'), await login('dash-b'), await login('dash-c')];
    const products = await api<{ items: { id: number }[] }>('/api/products?q=%E9%BE%99%E4%BA%95&pageSize=1', a);
    const sku = (await api<{ skus: { id: number; stock: number }[] }>(`/api/products/${products.items[0].id}`, a)).skus.find((s) => s.stock > 10)!;
    const addressOf = new Map<string, number>();
    for (const token of [a, b, c]) {
      addressOf.set(token, (await api<{ id: number }>('/api/addresses', token, { name: '王五', phone: '13700137000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 300 号' })).id);
    }
    const goods = async (token: string, day: number) => {
      await shop.setClock(noon(day));
      const placed = await api<{ id: number }>('/api/orders', token, { items: [{ skuId: sku.id, qty: 1 }], addressId: addressOf.get(token) });
      return pay(token, placed.id, noon(day));
    };

    await shop.setClock(noon(5));
    const plans = await api<{ items: { id: number; name: string; priceCents: number }[] }>('/api/membership/plans', null);
    const monthly = plans.items.find((p) => p.name === '月卡')!;
    const card = await api<{ id: number }>('/api/membership/orders', a, { planId: monthly.id });
    const cardCents = await pay(a, card.id, noon(5));
    const member = [await goods(a, 6), await goods(a, 9)];
    const rest = [await goods(b, 6), await goods(b, 8), await goods(c, 9)];
    await shop.setClock(noon(10));

    const { page, errors } = await shop.adminPage();
    await shop.loginAdmin(page);
    await page.locator('.ant-menu').first().getByText('概览', { exact: true }).click();
    const rows = page.locator('.members-table tbody tr.ant-table-row');
    await rows.nth(1).waitFor();

    // 会员 / 订单数 / 客户数 / 客单价 / 人均订单 / GMV / GMV 占比
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const total = sum(member) + sum(rest);
    const share = (part: number) => formatBpPercent(Math.floor((part * 10000) / total));
    await expect(rows.nth(0).locator('td').allTextContents()).resolves.toEqual(['会员', '2', '1', cents(Math.floor(sum(member) / 2)), '2', cents(sum(member)), share(sum(member))]);
    await expect(rows.nth(1).locator('td').allTextContents()).resolves.toEqual(['非会员', '3', '2', cents(Math.floor(sum(rest) / 3)), '1.5', cents(sum(rest)), share(sum(rest))]);
    // A's card: the only buyer of the three who bought one, no renewal, no refund
    await expect(page.locator('.cards-conversion').textContent()).resolves.toContain(formatBpPercent(3333));
    await expect(page.locator('.cards-buyers').textContent()).resolves.toContain('1 / 3');
    await expect(page.locator('.cards-renewals').textContent()).resolves.toContain('0 张');
    await expect(page.locator('.cards-plan-chart svg').textContent()).resolves.toContain(`月卡（1 张） ¥${formatYuan(cardCents)}`);

    // every chart drawn (ECharts' SVG renderer)
    for (const chart of ['overview-chart', 'members-compare-chart', 'members-repurchase-chart', 'cards-plan-chart', 'cohort-ltv-chart', 'member-day-chart']) {
      await page.locator(`.${chart} svg`).waitFor();
    }
    // this month's cohort: A, B and C bought for the first time in March
    const march = page.locator('.cohort-table tbody tr.ant-table-row', { hasText: `${year}-03` });
    await expect(march.locator('td').nth(1).textContent()).resolves.toBe('3');
    // the demo's member day, on the 7th of each month, with A's card counted on neither (bought on the 5th)
    await expect(page.locator('.member-day-chart svg').textContent()).resolves.toContain('03-07');

    await page.locator('.members-compare').scrollIntoViewIfNeeded();
    await shot(page, 'admin-dashboard-members');
    await page.locator('.cohort-table tbody tr.ant-table-row').last().scrollIntoViewIfNeeded();
    await shot(page, 'admin-dashboard-cohorts');
    expect(errors).toEqual([]);
    await page.close();
  });
});
